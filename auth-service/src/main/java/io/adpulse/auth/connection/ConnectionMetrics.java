package io.adpulse.auth.connection;

import io.adpulse.events.ConnectionKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Connection counters for dashboards and alerts. Labels are low-cardinality enums only (kind,
 * reason), never connection or advertiser ids.
 */
@Component
class ConnectionMetrics {

    private final MeterRegistry registry;

    ConnectionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void granted(ConnectionKind kind, int count) {
        Counter.builder("adpulse.auth.connections.granted")
                .description("Connections granted or re-authorised")
                .tag("kind", kind.name())
                .register(registry)
                .increment(count);
    }

    /**
     * {@code reason}: {@code operator} (disconnected in Adpulse), {@code needs_reauth} (TikTok rejected the token) or
     * {@code removed_at_tiktok} (the account owner removed Adpulse's access at TikTok).
     */
    void revoked(String reason) {
        Counter.builder("adpulse.auth.connections.revoked")
                .description("Connections that stopped being usable")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** {@code outcome}: {@code refreshed}, {@code needs_reauth} or {@code retry_later}. */
    void refreshed(String outcome) {
        Counter.builder("adpulse.auth.refreshes")
                .description("Creator token refreshes, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
