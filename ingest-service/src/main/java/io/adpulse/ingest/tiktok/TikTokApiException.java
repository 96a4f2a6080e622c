package io.adpulse.ingest.tiktok;

import java.time.Duration;
import java.util.Optional;

/**
 * A TikTok call that failed, with TikTok's numeric {@code code} ({@link #NO_CODE} when there was no TikTok
 * answer), the HTTP status ({@code 0} when there was no HTTP response) and TikTok's request id if any.
 * Messages never contain the access token.
 */
abstract sealed class TikTokApiException extends RuntimeException
        permits TikTokRateLimitedException, TikTokAuthorizationException, TikTokTokenRejectedException,
        TikTokServerException, TikTokRequestException, TikTokQuotaExhaustedException {

    /** The code of failures that carry no TikTok code: timeouts, refused connections, non-JSON answers. */
    static final int NO_CODE = -1;

    private final String endpoint;
    private final int code;
    private final int httpStatus;
    private final String requestId;

    TikTokApiException(String endpoint, int code, int httpStatus, String requestId, String message, Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
        this.code = code;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
    }

    /** Whether trying again later may succeed (rate limits, TikTok-side faults, timeouts). */
    abstract boolean retryable();

    /** How long TikTok asked to wait before the next attempt, when it said ({@code Retry-After}). */
    Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    String endpoint() {
        return endpoint;
    }

    int code() {
        return code;
    }

    int httpStatus() {
        return httpStatus;
    }

    String requestId() {
        return requestId;
    }
}
