package io.adpulse.auth.crypto;

/**
 * A secret encrypted by {@link EnvelopeCipher}: the master key id, the data key wrapped under it,
 * and {@code nonce || ciphertext || tag} of the secret under the data key.
 */
public record EncryptedSecret(String keyId, byte[] wrappedKey, byte[] ciphertext) {

    @Override
    public String toString() {
        return "EncryptedSecret[keyId=" + keyId + ", <encrypted>]";
    }
}
