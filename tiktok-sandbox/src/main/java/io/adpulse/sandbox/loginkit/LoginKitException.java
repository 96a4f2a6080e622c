package io.adpulse.sandbox.loginkit;

import org.springframework.http.HttpStatus;

/**
 * A Login Kit OAuth error, answered as TikTok's v2 API does:
 * {@code {"error":"invalid_grant","error_description":"...","log_id":"..."}} with an HTTP error status.
 */
class LoginKitException extends RuntimeException {

    private final HttpStatus status;
    private final String error;

    LoginKitException(HttpStatus status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    static LoginKitException invalidRequest(String description) {
        return new LoginKitException(HttpStatus.BAD_REQUEST, "invalid_request", description);
    }

    static LoginKitException invalidGrant(String description) {
        return new LoginKitException(HttpStatus.BAD_REQUEST, "invalid_grant", description);
    }

    static LoginKitException invalidClient() {
        return new LoginKitException(HttpStatus.UNAUTHORIZED, "invalid_client",
                "Client key or client secret is invalid.");
    }

    HttpStatus status() {
        return status;
    }

    String error() {
        return error;
    }
}
