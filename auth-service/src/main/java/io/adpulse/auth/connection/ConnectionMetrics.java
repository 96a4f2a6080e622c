package io.adpulse.auth.connection;

import io.adpulse.events.ConnectionKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Connection counters for dashboards and alerts. Labels are low-cardinality enums only (kind,
 * reason), never connection or advertiser ids.
 */
@Component
class ConnectionMetrics {

    private final MeterRegistry registry;

    /** Tag values of {@link #revoked}. */
    static final List<String> REVOCATION_REASONS = List.of("operator", "needs_reauth", "removed_at_tiktok");
    /** Tag values of {@link #refreshed}. */
    static final List<String> REFRESH_OUTCOMES = List.of("refreshed", "needs_reauth", "retry_later");

    ConnectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Every series exists from the start at zero, so rate() and the alerts on them work before the first event.
        for (ConnectionKind kind : ConnectionKind.values()) {
            granted(kind, 0);
        }
        REVOCATION_REASONS.forEach(reason -> revokedCounter(reason));
        REFRESH_OUTCOMES.forEach(outcome -> refreshCounter(outcome));
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
        revokedCounter(reason).increment();
    }

    private Counter revokedCounter(String reason) {
        return Counter.builder("adpulse.auth.connections.revoked")
                .description("Connections that stopped being usable")
                .tag("reason", reason)
                .register(registry);
    }

    /** {@code outcome}: {@code refreshed}, {@code needs_reauth} or {@code retry_later}. */
    void refreshed(String outcome) {
        refreshCounter(outcome).increment();
    }

    private Counter refreshCounter(String outcome) {
        return Counter.builder("adpulse.auth.refreshes")
                .description("Creator token refreshes, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
