package io.adpulse.sandbox.traffic;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The Display API's limit: at most {@code limit} calls per key (endpoint and app) in any sliding window of
 * {@code windowNanos}. Refused calls do not count. Runs on a monotonic clock, like {@link AppRateLimiter}.
 */
public class WindowRateLimiter {

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> calls = new ConcurrentHashMap<>();

    public WindowRateLimiter(int limit, long windowNanos, LongSupplier nanoTime) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.nanoTime = nanoTime;
    }

    /** Counts one call against the key; false when the window is full. */
    public boolean tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        Deque<Long> window = calls.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
                window.pollFirst();
            }
            if (window.size() >= limit) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }
}
