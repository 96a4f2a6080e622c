package io.adpulse.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * Envelope encryption of secrets at rest. Each secret gets its own random AES-256 data key; the
 * secret is sealed under the data key and the data key is wrapped by the {@link KeyProvider}'s
 * active master key. Both layers authenticate the same context (the row the secret belongs to), so
 * a ciphertext copied to another row does not open. Old rows name their master key id and keep opening
 * while that key stays in the provider; the key rotation command re-encrypts them under the active
 * key so the old one can then be removed.
 */
public final class EnvelopeCipher {

    private final KeyProvider keys;

    public EnvelopeCipher(KeyProvider keys) {
        this.keys = keys;
    }

    /** Encrypts {@code secret} bound to {@code context}. */
    public EncryptedSecret encrypt(String secret, String context) {
        byte[] aad = context.getBytes(StandardCharsets.UTF_8);
        byte[] dataKey = AesGcm.newKey();
        try {
            SecretKey key = AesGcm.key(dataKey);
            byte[] ciphertext = AesGcm.seal(key, secret.getBytes(StandardCharsets.UTF_8), aad);
            WrappedKey wrapped = keys.wrap(dataKey, aad);
            return new EncryptedSecret(wrapped.keyId(), wrapped.bytes(), ciphertext);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Decrypts a secret sealed by {@link #encrypt} with the same {@code context}.
     *
     * @throws CryptoException when the master key is unknown, the context differs or a byte changed
     */
    public String decrypt(EncryptedSecret secret, String context) {
        byte[] aad = context.getBytes(StandardCharsets.UTF_8);
        byte[] dataKey = keys.unwrap(new WrappedKey(secret.keyId(), secret.wrappedKey()), aad);
        try {
            return new String(AesGcm.open(AesGcm.key(dataKey), secret.ciphertext(), aad), StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }
}
