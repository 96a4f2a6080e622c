package io.adpulse.ingest.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How long a TikTok call waits before its next attempt: TikTok's Retry-After when sent, else full jitter. */
class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofMinutes(1);
    private static final Instant NOW = Instant.parse("2026-11-20T11:30:00Z");

    @Test
    void fullJitterDrawsFromZeroUpToADoublingCeilingCappedAtTheMaximum() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            long ceiling = Math.min(MAX.toMillis(), INITIAL.toMillis() << (attempt - 1));
            int retry = attempt;
            List<Long> waits = IntStream.range(0, 2000)
                    .mapToObj(i -> TikTokResilience.backoff(retry, rateLimited(), INITIAL, MAX).toMillis()).toList();
            assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(0L, ceiling));
            // full jitter, not "equal jitter": short waits are as likely as long ones
            assertThat(waits).anySatisfy(w -> assertThat(w).isLessThan(ceiling / 4));
            assertThat(waits).anySatisfy(w -> assertThat(w).isGreaterThan(ceiling * 3 / 4));
        }
    }

    @Test
    void retryAfterIsHonouredAndCappedAtTheMaximum() {
        assertThat(TikTokResilience.backoff(1, throttled("7"), INITIAL, MAX)).isEqualTo(Duration.ofSeconds(7));
        assertThat(TikTokResilience.backoff(3, throttled("3600"), INITIAL, MAX)).isEqualTo(MAX);
        assertThat(TikTokResilience.backoff(1, throttled("Fri, 20 Nov 2026 11:30:30 GMT"), INITIAL, MAX))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void unreadableOrPastRetryAfterFallsBackToJitter() {
        assertThat(TikTokErrors.retryAfter("soon", NOW)).isNull();
        assertThat(TikTokErrors.retryAfter("-5", NOW)).isNull();
        assertThat(TikTokErrors.retryAfter("Fri, 20 Nov 2026 11:29:00 GMT", NOW)).isNull();
        assertThat(TikTokErrors.retryAfter(null, NOW)).isNull();
        assertThat(TikTokResilience.backoff(1, throttled("soon"), INITIAL, MAX)).isLessThanOrEqualTo(INITIAL);
    }

    private static TikTokApiException rateLimited() {
        return TikTokErrors.forCode("/report/integrated/get/", 40100, "Too many requests", "r1");
    }

    private static TikTokApiException throttled(String retryAfter) {
        TikTokApiException failure = TikTokErrors.forHttpStatus("/report/integrated/get/", 429, retryAfter, NOW);
        assertThat(failure.retryable()).isTrue();
        return failure;
    }
}
