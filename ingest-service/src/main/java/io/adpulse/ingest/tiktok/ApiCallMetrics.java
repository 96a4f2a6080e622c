package io.adpulse.ingest.tiktok;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code adpulse.tiktok.api.calls}: one count per HTTP attempt, tagged with the endpoint, the outcome
 * code (TikTok's code, {@code http_<status>}, {@code timeout} or {@code io_error}) and the connection it
 * was made for. Connection ids are not secrets; tokens never become labels.
 */
@Component
class ApiCallMetrics {

    static final String CALLS = "adpulse.tiktok.api.calls";

    private final MeterRegistry registry;

    ApiCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String endpoint, String code, String connectionId) {
        Counter.builder(CALLS)
                .description("HTTP attempts to the TikTok API for Business")
                .tag("endpoint", endpoint)
                .tag("code", code)
                .tag("connection", connectionId)
                .register(registry)
                .increment();
    }
}
