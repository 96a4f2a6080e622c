package io.adpulse.auth.crypto;

/** A data key encrypted under the master key {@code keyId}. */
public record WrappedKey(String keyId, byte[] bytes) {

    @Override
    public String toString() {
        return "WrappedKey[keyId=" + keyId + ", bytes=<" + bytes.length + " bytes>]";
    }
}
