package io.adpulse.ingest.tiktok;

import java.time.Duration;
import java.util.Optional;

/**
 * The app's daily call budget (QPD) is spent: the call was not sent. Not retried within the sync; the next poll after
 * 00:00 UTC resumes where the sync stopped.
 */
final class TikTokQuotaExhaustedException extends TikTokApiException {

    private final Duration untilReset;

    TikTokQuotaExhaustedException(String endpoint, String message, Duration untilReset) {
        super(endpoint, NO_CODE, 0, null, message, null);
        this.untilReset = untilReset;
    }

    @Override
    boolean retryable() {
        return false;
    }

    @Override
    Optional<Duration> retryAfter() {
        return Optional.of(untilReset);
    }
}
