package io.adpulse.events;

import java.time.Instant;

/**
 * A TikTok API call failed: HTTP status, TikTok's numeric code and whether a retry may help.
 *
 * @param rejectedBy null when TikTok answered with the error; {@link #CIRCUIT_BREAKER} or {@link #RATE_LIMITER} when
 *        ingest-service did not send the call at all because that protection declined it (then there is no TikTok code and the HTTP status is 0)
 */
public record ApiErrorOccurred(String connectionId, String advertiserId, String endpoint, int code,
        String message, int httpStatus, boolean retryable, String requestId, Instant occurredAt, String rejectedBy) {

    /** The endpoint's circuit breaker is open: calls are declined until it probes TikTok again. */
    public static final String CIRCUIT_BREAKER = "circuit-breaker";
    /** No permit of the app's TikTok rate limits came within the allowed wait. */
    public static final String RATE_LIMITER = "rate-limiter";

    /** An error TikTok answered with. */
    public ApiErrorOccurred(String connectionId, String advertiserId, String endpoint, int code, String message,
            int httpStatus, boolean retryable, String requestId, Instant occurredAt) {
        this(connectionId, advertiserId, endpoint, code, message, httpStatus, retryable, requestId, occurredAt, null);
    }

    /** Whether the call was declined by the endpoint's open circuit breaker rather than failed at TikTok. */
    public boolean circuitOpen() {
        return CIRCUIT_BREAKER.equals(rejectedBy);
    }
}
