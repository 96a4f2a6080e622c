package io.adpulse.ingest.token;

/** A sealed token could not be opened; the message says why without revealing any key or token. */
public class TokenOpeningException extends RuntimeException {

    TokenOpeningException(String reason) {
        super(reason);
    }

    TokenOpeningException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
