package io.adpulse.sandbox.traffic;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts every TikTok API call by path and app, answered or refused alike, both in memory (resettable, read by
 * {@code GET /sandbox/calls}) and as the Micrometer counter {@code sandbox.api.calls} (tags {@code path},
 * {@code app}). App ids are not secrets; tokens never become labels.
 */
@Component
class CallCounter {

    /** The Micrometer counter name. */
    static final String METER = "sandbox.api.calls";

    record CallCount(String path, String app, long count) {
    }

    private record Key(String path, String app) {
    }

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    CallCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String path, String app) {
        counts.computeIfAbsent(new Key(path, app), key -> new LongAdder()).increment();
        Counter.builder(METER).description("TikTok API calls received by the sandbox")
                .tag("path", path).tag("app", app).register(registry).increment();
    }

    List<CallCount> snapshot() {
        return counts.entrySet().stream()
                .map(e -> new CallCount(e.getKey().path(), e.getKey().app(), e.getValue().sum()))
                .sorted(Comparator.comparing(CallCount::path).thenComparing(CallCount::app))
                .toList();
    }

    /** Forgets the in-memory counts (the Micrometer counter is monotonic and keeps counting). */
    void reset() {
        counts.clear();
    }
}
