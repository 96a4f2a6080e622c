package io.adpulse.ingest.tiktok;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code adpulse.tiktok.api.calls}: one count per HTTP attempt, tagged with the endpoint, the outcome
 * code (TikTok's code, {@code http_<status>}, {@code timeout} or {@code io_error}), the connection it
 * was made for and the reason of the sync that made it ({@code GRANT}, {@code SCHEDULE}, {@code MANUAL}),
 * so a backfill's calls can be told from the polls'. A single run's total is on its {@code sync_run} row
 * (run ids would make unbounded labels). Connection ids are not secrets; tokens never become labels.
 */
@Component
class ApiCallMetrics {

    static final String CALLS = "adpulse.tiktok.api.calls";

    private final MeterRegistry registry;

    ApiCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String endpoint, String code, String connectionId, String syncReason) {
        Counter.builder(CALLS)
                .description("HTTP attempts to the TikTok API for Business")
                .tag("endpoint", endpoint)
                .tag("code", code)
                .tag("connection", connectionId)
                .tag("reason", syncReason)
                .register(registry)
                .increment();
    }
}
