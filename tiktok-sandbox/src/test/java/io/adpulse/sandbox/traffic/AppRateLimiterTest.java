package io.adpulse.sandbox.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class AppRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AppRateLimiter limiter = new AppRateLimiter(5, nanos::get);

    @Test
    void burstUpToTheLimitPassesAndTheNextCallIsRefused() {
        assertThat(IntStream.range(0, 5).allMatch(i -> limiter.tryAcquire("app"))).isTrue();
        assertThat(limiter.tryAcquire("app")).isFalse();
    }

    @Test
    void budgetRefillsWithElapsedTime() {
        IntStream.range(0, 5).forEach(i -> limiter.tryAcquire("app"));

        nanos.addAndGet(200_000_000L);
        boolean afterOneFifth = limiter.tryAcquire("app");
        boolean again = limiter.tryAcquire("app");

        assertThat(afterOneFifth).isTrue();
        assertThat(again).isFalse();
    }

    @Test
    void appsHaveSeparateBudgets() {
        IntStream.range(0, 5).forEach(i -> limiter.tryAcquire("busy"));

        assertThat(limiter.tryAcquire("busy")).isFalse();
        assertThat(limiter.tryAcquire("quiet")).isTrue();
    }
}
