package io.adpulse.auth.oauth;

import org.springframework.http.HttpStatus;

/** Why an OAuth callback did not connect anything; also the low-cardinality metric label. */
enum CallbackFailure {
    CONSENT_DENIED(HttpStatus.FORBIDDEN, "TikTok authorisation declined"),
    MISSING_STATE(HttpStatus.BAD_REQUEST, "Missing state"),
    UNKNOWN_STATE(HttpStatus.BAD_REQUEST, "Unknown state"),
    REUSED_STATE(HttpStatus.BAD_REQUEST, "State already used"),
    EXPIRED_STATE(HttpStatus.BAD_REQUEST, "State expired"),
    ACTOR_MISMATCH(HttpStatus.FORBIDDEN, "Authorisation started by another user"),
    MISSING_CODE(HttpStatus.BAD_REQUEST, "Missing authorisation code"),
    TIKTOK_REJECTED(HttpStatus.BAD_REQUEST, "TikTok rejected the authorisation"),
    NO_ADVERTISERS(HttpStatus.UNPROCESSABLE_CONTENT, "No advertiser accounts in the authorisation"),
    TIKTOK_UNAVAILABLE(HttpStatus.BAD_GATEWAY, "TikTok unavailable");

    private final HttpStatus status;
    private final String title;

    CallbackFailure(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    /** Last segment of the problem type URI, e.g. {@code reused-state}. */
    String slug() {
        return name().toLowerCase().replace('_', '-');
    }

    /** Metric label value, e.g. {@code reused_state}. */
    String label() {
        return name().toLowerCase();
    }
}
