package io.adpulse.ingest.tiktok;

import java.time.Duration;
import java.util.Optional;

/** A fault on TikTok's side or on the way there (50000, 50002, 51xxx, 52xxx, 60001, HTTP 5xx or 429, timeouts, refused connections): retry. */
final class TikTokServerException extends TikTokApiException {

    private final Duration retryAfter;

    TikTokServerException(String endpoint, int code, int httpStatus, String requestId, String message, Throwable cause) {
        this(endpoint, code, httpStatus, requestId, message, cause, null);
    }

    TikTokServerException(String endpoint, int code, int httpStatus, String requestId, String message, Throwable cause,
            Duration retryAfter) {
        super(endpoint, code, httpStatus, requestId, message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long TikTok asked to wait ({@code Retry-After} of a 429 or 503), if it said. */
    @Override
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    boolean retryable() {
        return true;
    }
}
