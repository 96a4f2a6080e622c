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
 * The {@code token-expiring} rule: the access token of an active connection's latest grant expires within
 * {@code window} (or has expired), so auth-service did not refresh it in time. It resolves when a newer grant
 * (a refreshed token) arrives, or when the connection is revoked or removed. Tokens that do not expire (API for
 * Business) are never judged. Fingerprint: rule, connection, expiry. Severity warning.
 */
public final class TokenExpiringRule {

    public static final String NAME = "token-expiring";
    public static final String EXPIRES_AT = "expires_at";

    private final Duration window;

    public TokenExpiringRule(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.window = window;
    }

    public Evaluation forgotten(String connectionId) {
        return new Evaluation(NAME, HealthLabels.connection(connectionId), List.of(),
                labels -> "Connection " + connectionId + " is no longer known");
    }

    public Evaluation evaluate(ConnectionState connection, Instant now) {
        Map<String, String> scope = HealthLabels.connection(connection.connectionId());
        String who = connection.describe();
        if (connection.status() != ConnectionStatus.ACTIVE) {
            return new Evaluation(NAME, scope, List.of(), labels -> "The " + who + " is "
                    + connection.status().name().toLowerCase() + "; its token no longer matters");
        }
        Instant expiresAt = connection.accessTokenExpiresAt();
        if (expiresAt == null || Duration.between(now, expiresAt).compareTo(window) > 0) {
            return new Evaluation(NAME, scope, List.of(), labels -> "The " + who + " has a fresh access token"
                    + (expiresAt == null ? " that does not expire" : ", valid until " + expiresAt));
        }
        Map<String, String> labels = HealthLabels.of(connection.connectionId(), connection.advertiserId());
        labels.put(EXPIRES_AT, expiresAt.toString());
        String when = expiresAt.isAfter(now) ? "expires at " + expiresAt + ", in "
                + Duration.between(now, expiresAt).toMinutes() + " min," : "expired at " + expiresAt;
        AlertCandidate candidate = new AlertCandidate(Fingerprint.of(NAME, connection.connectionId(),
                expiresAt.toString()), NAME, Severity.WARNING, labels, "The access token of the " + who + " " + when
                + " and no newer grant has arrived");
        return new Evaluation(NAME, scope, List.of(candidate), ignored -> "The " + who
                + " has a token that expires at " + expiresAt);
    }
}
