package io.adpulse.sandbox.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class WindowRateLimiterTest {

    @Test
    void allowsTheLimitPerKeyWithinTheWindowAndMoreOnceOldCallsLeaveIt() {
        AtomicLong now = new AtomicLong(1_000);
        WindowRateLimiter limiter = new WindowRateLimiter(600, 60_000, now::get);

        for (int i = 0; i < 600; i++) {
            assertThat(limiter.tryAcquire("list")).isTrue();
            now.addAndGet(50);
        }
        assertThat(limiter.tryAcquire("list")).isFalse();
        assertThat(limiter.tryAcquire("query")).isTrue();
        now.set(1_000 + 60_000);
        assertThat(limiter.tryAcquire("list")).isTrue();
        assertThat(limiter.tryAcquire("list")).isFalse();
        now.addAndGet(50);
        assertThat(limiter.tryAcquire("list")).isTrue();
    }
}
