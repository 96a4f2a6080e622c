package io.adpulse.auth.crypto;

/**
 * Holder of the master keys that protect data keys. Master keys never leave it: callers hand over a
 * data key to wrap and get it back only by unwrapping, bound to a context (the associated data), so
 * a cloud KMS (encrypt/decrypt with an encryption context) can implement this interface as well as
 * the local {@link KeyRingKeyProvider}.
 */
public interface KeyProvider {

    /** Id of the master key that wraps new data keys. */
    String activeKeyId();

    /** Encrypts {@code dataKey} under the active master key, bound to {@code context}. */
    WrappedKey wrap(byte[] dataKey, byte[] context);

    /**
     * Decrypts a wrapped data key with the master key it names.
     *
     * @throws CryptoException when the key id is unknown, or the context or bytes differ from wrapping
     */
    byte[] unwrap(WrappedKey wrapped, byte[] context);
}
