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
 * The {@code api-error-rate} rule: at least {@code threshold} TikTok API calls of one connection to one endpoint
 * failed within the last {@code window}. It resolves when fewer failed in the window (the errors calmed down), and
 * when the connection is disconnected or removed (a connection that needs authorising again keeps its alerts, which
 * {@code connection-needs-reauth} inhibits). Fingerprint: rule, connection, endpoint. Severity warning.
 *
 * @see Settings
 */
public final class ApiErrorRateRule {

    public static final String NAME = "api-error-rate";
    public static final String CODE = "code";

    /**
     * @param window how far back errors count
     * @param threshold errors within the window that fire the alert
     */
    public record Settings(Duration window, int threshold) {

        public Settings {
            if (window.isNegative() || window.isZero() || threshold < 1) {
                throw new IllegalArgumentException("window must be positive and threshold at least 1");
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(10), 5);
        }
    }

    private final Settings settings;

    public ApiErrorRateRule(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public static Map<String, String> scope(String connectionId, String endpoint) {
        return Map.of(HealthLabels.CONNECTION_ID, connectionId, HealthLabels.ENDPOINT, endpoint);
    }

    /** Judges the errors of one connection and endpoint; {@code connection} is null while the connection is unknown. */
    public Evaluation evaluate(ApiErrorWindow errors, ConnectionState connection, Instant now) {
        Map<String, String> scope = scope(errors.connectionId(), errors.endpoint());
        String advertiserId = connection != null && connection.advertiserId() != null ? connection.advertiserId()
                : errors.advertiserId();
        String who = ConnectionState.describe(errors.connectionId(), advertiserId);
        if (connection != null && connection.disconnected()) {
            String why = connection.status() == ConnectionStatus.REMOVED ? "removed" : "disconnected";
            return new Evaluation(NAME, scope, List.of(), labels -> "The " + who + " was " + why
                    + "; its API errors are no longer judged");
        }
        String counted = counted(errors, who);
        if (errors.count() < settings.threshold()) {
            // without errors in the window the advertiser is known only from the alert's labels
            return new Evaluation(NAME, scope, List.of(), labels -> "API errors calmed down: " + counted(errors,
                    ConnectionState.describe(errors.connectionId(), advertiserId != null ? advertiserId
                            : labels.get(HealthLabels.ADVERTISER_ID))));
        }
        Map<String, String> labels = HealthLabels.of(errors.connectionId(), advertiserId);
        labels.put(HealthLabels.ENDPOINT, errors.endpoint());
        labels.put(CODE, String.valueOf(errors.latestCode()));
        AlertCandidate candidate = new AlertCandidate(Fingerprint.of(NAME, errors.connectionId(), errors.endpoint()),
                NAME, Severity.WARNING, labels, counted + " (latest: HTTP " + errors.latestHttpStatus() + ", TikTok code "
                        + errors.latestCode() + " at " + errors.latestAt() + "; threshold " + settings.threshold() + ")");
        return new Evaluation(NAME, scope, List.of(candidate), ignored -> counted);
    }

    private String counted(ApiErrorWindow errors, String who) {
        return errors.count() + (errors.count() == 1 ? " TikTok API call" : " TikTok API calls") + " to "
                + errors.endpoint() + " through " + who + " failed in the last " + minutes(settings.window());
    }

    private static String minutes(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}
