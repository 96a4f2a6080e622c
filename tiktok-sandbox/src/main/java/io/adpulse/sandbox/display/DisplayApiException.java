package io.adpulse.sandbox.display;

import org.springframework.http.HttpStatus;

/** A Display API error: TikTok v2's string code with its HTTP status. */
class DisplayApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    DisplayApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static DisplayApiException invalidParams(String message) {
        return new DisplayApiException(HttpStatus.BAD_REQUEST, "invalid_params", message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
