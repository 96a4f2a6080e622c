package io.adpulse.auth.web;

/** The caller lacks the role an operation needs. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
