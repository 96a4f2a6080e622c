package io.adpulse.alerting.health.domain;

import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.alert.domain.Fingerprint;
import io.adpulse.alerting.alert.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code sync-stale} rule: a connection has had no metric observation for longer than
 * {@code staleAfterPolls × pollInterval}, counted from its latest metric observation or, before the first, from its
 * grant. Active connections are judged, and so are connections revoked because they need authorising again (they are
 * indeed stale, and {@code connection-needs-reauth} inhibits the alert). It resolves when a metric observation
 * arrives, when the connection is disconnected on purpose, or when it is removed. Fingerprint: rule, connection.
 * Severity warning.
 *
 * @see Settings
 */
public final class SyncStaleRule {

    public static final String NAME = "sync-stale";
    public static final String SINCE = "since";

    /**
     * @param pollInterval how often ingest-service syncs a connection (its {@code ADPULSE_INGEST_POLL_INTERVAL})
     * @param staleAfterPolls how many poll intervals without a metric observation make a connection stale
     */
    public record Settings(Duration pollInterval, int staleAfterPolls) {

        public Settings {
            if (pollInterval.isNegative() || pollInterval.isZero() || staleAfterPolls < 1) {
                throw new IllegalArgumentException("poll interval must be positive and stale-after-polls at least 1");
            }
        }

        public Duration staleAfter() {
            return pollInterval.multipliedBy(staleAfterPolls);
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(60), 15);
        }
    }

    private final Settings settings;

    public SyncStaleRule(Settings settings) {
        this.settings = settings;
    }

    public Evaluation forgotten(String connectionId) {
        return new Evaluation(NAME, HealthLabels.connection(connectionId), List.of(),
                labels -> "Connection " + connectionId + " is no longer known");
    }

    public Evaluation evaluate(ConnectionState connection, Instant now) {
        Map<String, String> scope = HealthLabels.connection(connection.connectionId());
        String who = connection.describe();
        if (connection.disconnected()) {
            return new Evaluation(NAME, scope, List.of(), labels -> "The " + who + " is "
                    + connection.status().name().toLowerCase() + "; it is not expected to sync");
        }
        Instant since = latest(connection.lastMetricAt(), connection.grantedAt());
        if (since == null) {
            return new Evaluation(NAME, scope, List.of(), labels -> "The " + who + " has no grant time");
        }
        Duration quiet = Duration.between(since, now);
        if (quiet.compareTo(settings.staleAfter()) <= 0) {
            return new Evaluation(NAME, scope, List.of(), labels -> "The " + who + " syncs again: "
                    + (connection.lastMetricAt() == null ? "granted at " + since : "latest metric observed at " + since));
        }
        Map<String, String> labels = HealthLabels.of(connection.connectionId(), connection.advertiserId());
        labels.put(SINCE, since.toString());
        String what = connection.lastMetricAt() == null ? "since it was granted at " : "since ";
        AlertCandidate candidate = new AlertCandidate(Fingerprint.of(NAME, connection.connectionId()), NAME,
                Severity.WARNING, labels, "No metric observation has arrived for the " + who + " " + what + since
                        + " (" + quiet.toMinutes() + " min, more than " + settings.staleAfterPolls() + " poll intervals of "
                        + settings.pollInterval().toSeconds() + " s)");
        return new Evaluation(NAME, scope, List.of(candidate), ignored -> candidate.summary());
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
