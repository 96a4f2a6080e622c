package io.adpulse.auth.privacy;

/** No erasure request has the requested id. */
public class ErasureNotFoundException extends RuntimeException {

    public ErasureNotFoundException(String id) {
        super("No erasure request with id '" + id + "'");
    }
}
