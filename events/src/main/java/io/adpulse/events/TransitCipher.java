package io.adpulse.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The transit keys ({@code ADPULSE_TRANSIT_KEYS}, {@code keyId:base64(32 bytes),keyId:base64,...}) that seal secrets
 * travelling on topics: AES-256-GCM with a 12-byte nonce and a 16-byte tag, carried as
 * {@link SealedToken}{@code (keyId, base64(nonce || ciphertext || tag))}, with a context (a connection id, a command
 * id) as additional data, so a sealed value copied into another event does not open. The first key seals; every key
 * opens, so keys rotate by prepending a new one. Errors name keys and contexts, never key material or plaintext.
 */
public final class TransitCipher {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;

    private TransitCipher(String activeKeyId, Map<String, SecretKey> keys) {
        this.activeKeyId = activeKeyId;
        this.keys = keys;
    }

    /** Parses {@code keyId:base64,keyId:base64}; fails fast, naming the offending entry but never its key. */
    public static TransitCipher parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no transit keys: expected 'keyId:base64(32 bytes)[,keyId:base64...]'");
        }
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("transit key entry #" + (parsed.size() + 1)
                        + " is not 'keyId:base64(32 bytes)'");
            }
            String keyId = trimmed.substring(0, colon);
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("transit key '" + keyId + "' is not valid base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("transit key '" + keyId + "' has " + key.length
                        + " bytes; AES-256 needs " + KEY_BYTES);
            }
            if (parsed.put(keyId, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("transit key id '" + keyId + "' appears twice");
            }
        }
        return new TransitCipher(parsed.keySet().iterator().next(), Collections.unmodifiableMap(parsed));
    }

    /** The ids of the keys that open, the sealing one first. */
    public List<String> keyIds() {
        return List.copyOf(keys.keySet());
    }

    /** Seals {@code plaintext} under the first key, bound to {@code context}. */
    public SealedToken seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return new SealedToken(activeKeyId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Opens a value sealed for {@code context}.
     *
     * @param what        the value, for error messages ("token of connection c-1")
     * @param contextKind what the context is, for error messages ("connection")
     * @throws NotOpened if the key id is unknown, the ciphertext is malformed, or it does not authenticate (wrong
     *     key, or sealed for another context)
     */
    public String open(SealedToken sealed, String context, String what, String contextKind) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new NotOpened(what + " is sealed with transit key '" + sealed.keyId()
                    + "', which is not in this service's key ring " + keyIds(), null);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.ciphertext());
        } catch (IllegalArgumentException e) {
            throw new NotOpened(what + " is not valid base64", null);
        }
        if (bytes.length <= NONCE_BYTES + TAG_BITS / 8) {
            throw new NotOpened(what + " is too short to be sealed", null);
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new NotOpened(what + " does not authenticate under transit key '" + sealed.keyId()
                    + "': wrong key, or sealed for another " + contextKind, null);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new NotOpened(what + " cannot be opened: " + e.getClass().getSimpleName(), e);
        }
    }

    /** A sealed value that does not open here; the message names the value and the key, never secrets. */
    public static final class NotOpened extends RuntimeException {

        NotOpened(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
