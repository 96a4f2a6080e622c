package io.adpulse.events;

/**
 * A token encrypted with AES-256-GCM under the key named by {@code keyId}. {@code ciphertext} is
 * base64 of nonce, ciphertext and tag. Plaintext tokens never travel on a topic.
 */
public record SealedToken(String keyId, String ciphertext) {

    @Override
    public String toString() {
        return "SealedToken[keyId=" + keyId + ", ciphertext=<redacted>]";
    }
}
