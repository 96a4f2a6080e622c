package io.adpulse.ingest.webhook;

import org.springframework.http.HttpStatus;

/** A webhook delivery refused before anything was accepted; {@link #reason()} is the low-cardinality metric label. */
class WebhookRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final String reason;

    WebhookRejectedException(HttpStatus status, String reason, String detail) {
        super(detail);
        this.status = status;
        this.reason = reason;
    }

    HttpStatus status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
