package io.adpulse.sandbox.traffic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * TikTok's per-app QPS limit as a token bucket: each app may burst up to {@code qps} calls and regains
 * {@code qps} calls per second. It runs on a monotonic clock, not the sandbox clock, so a pinned sandbox clock
 * does not freeze it.
 */
class AppRateLimiter {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }

    private final int qps;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    AppRateLimiter(int qps, LongSupplier nanoTime) {
        this.qps = qps;
        this.nanoTime = nanoTime;
    }

    /** Takes one call from the app's budget; false when it is spent. */
    boolean tryAcquire(String app) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(app, key -> new Bucket(qps, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(qps, bucket.tokens + (now - bucket.refilledAt) / NANOS_PER_SECOND * qps);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
