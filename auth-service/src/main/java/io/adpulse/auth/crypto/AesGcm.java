package io.adpulse.auth.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce and a 128-bit tag. The sealed form is
 * {@code nonce || ciphertext || tag} (the layout of transit tokens too, sealed by events' TransitCipher). Random
 * nonces are safe here because each key seals far fewer than 2^32 messages (one data key per token
 * at rest; transit keys rotate).
 */
public final class AesGcm {

    /** Length of an AES-256 key in bytes. */
    public static final int KEY_BYTES = 32;
    /** Length of the GCM nonce in bytes (96 bits, the size GCM is designed for). */
    public static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    /** A fresh random AES-256 key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Wraps raw key bytes, checking they are an AES-256 key. */
    public static SecretKey key(byte[] raw) {
        if (raw.length != KEY_BYTES) {
            throw new CryptoException("an AES-256 key has " + KEY_BYTES + " bytes, got " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** Encrypts and authenticates {@code plaintext} together with {@code aad}. */
    public static byte[] seal(SecretKey key, byte[] plaintext, byte[] aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decrypts {@code nonce || ciphertext || tag}; fails when the key, the associated data or any
     * byte differs from what was sealed.
     */
    public static byte[] open(SecretKey key, byte[] sealed, byte[] aad) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CryptoException("ciphertext too short: " + sealed.length + " bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new CryptoException("ciphertext failed authentication: wrong key, wrong associated data or tampered", e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-GCM decryption failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
