package io.adpulse.auth.crypto;

/**
 * A ciphertext could not be opened (unknown key id, wrong associated data, tampering) or a key is
 * unusable. Messages name key ids and reasons, never key material or plaintext.
 */
public class CryptoException extends RuntimeException {

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
