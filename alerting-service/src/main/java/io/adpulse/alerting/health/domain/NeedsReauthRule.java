package io.adpulse.alerting.health.domain;

import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.alert.domain.Fingerprint;
import io.adpulse.alerting.alert.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code connection-needs-reauth} rule: auth-service revoked a connection because TikTok refused its token
 * (reason {@code NEEDS_REAUTH:<code>}), so nothing syncs until someone authorises it again. It resolves when a newer
 * grant arrives, when the connection is disconnected on purpose, or when it is removed. Fingerprint: rule, connection,
 * revocation time (each revocation is its own alert). Severity critical. By default it inhibits the connection's
 * {@code sync-stale} and {@code api-error-rate} alerts.
 */
public final class NeedsReauthRule {

    public static final String NAME = "connection-needs-reauth";
    public static final String REASON = "reason";

    public Evaluation forgotten(String connectionId) {
        return new Evaluation(NAME, HealthLabels.connection(connectionId), List.of(),
                labels -> "Connection " + connectionId + " is no longer known");
    }

    public Evaluation evaluate(ConnectionState connection, Instant now) {
        Map<String, String> scope = HealthLabels.connection(connection.connectionId());
        String who = connection.describe();
        if (!connection.needsReauth()) {
            String why = switch (connection.status()) {
                case ACTIVE -> "The " + who + " was authorised again at " + connection.grantedAt();
                case REVOKED -> "The " + who + " was disconnected (" + connection.reason() + ")";
                case REMOVED -> "The " + who + " was removed";
            };
            return new Evaluation(NAME, scope, List.of(), labels -> why);
        }
        Map<String, String> labels = HealthLabels.of(connection.connectionId(), connection.advertiserId());
        labels.put(REASON, connection.reason());
        AlertCandidate candidate = new AlertCandidate(Fingerprint.of(NAME, connection.connectionId(),
                String.valueOf(connection.revokedAt())), NAME, Severity.CRITICAL, labels, "The " + who
                + " needs to be authorised again: TikTok refused its token (" + connection.reason() + ") at "
                + connection.revokedAt() + "; nothing syncs until someone reconnects it");
        return new Evaluation(NAME, scope, List.of(candidate), ignored -> "The " + who + " was revoked again at "
                + connection.revokedAt());
    }
}
