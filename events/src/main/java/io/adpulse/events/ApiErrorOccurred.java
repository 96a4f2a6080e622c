package io.adpulse.events;

import java.time.Instant;

/** A TikTok API call failed: HTTP status, TikTok's numeric code and whether a retry may help. */
public record ApiErrorOccurred(String connectionId, String advertiserId, String endpoint, int code,
        String message, int httpStatus, boolean retryable, String requestId, Instant occurredAt) {
}
