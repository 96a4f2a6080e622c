package io.adpulse.alerting.health.domain;

import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.alert.domain.Fingerprint;
import io.adpulse.alerting.alert.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code circuit-open} rule: ingest-service's circuit breaker for a TikTok endpoint is open, so calls to that
 * endpoint are declined for every connection of the app until it probes TikTok again — no data of that kind is
 * collected meanwhile. It fires when at least one call to the endpoint was declined by the open circuit within the
 * last {@code window} and resolves when none was (the circuit closed again, or nothing wanted the endpoint). One
 * alert per endpoint, app-wide: fingerprint rule and endpoint; label {@code endpoint}; severity critical. While it
 * fires, the shipped inhibit rule holds back {@code api-error-rate} alerts of the same endpoint.
 */
public final class CircuitOpenRule {

    public static final String NAME = "circuit-open";

    private final Duration window;

    public CircuitOpenRule(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the circuit-open window must be positive");
        }
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    public static Map<String, String> scope(String endpoint) {
        return Map.of(HealthLabels.ENDPOINT, endpoint);
    }

    public Evaluation evaluate(CircuitWindow declined) {
        Map<String, String> scope = scope(declined.endpoint());
        if (declined.declined() == 0) {
            return new Evaluation(NAME, scope, List.of(), labels -> "The circuit breaker for TikTok endpoint "
                    + declined.endpoint() + " let calls through again: none was declined in the last "
                    + minutes(window));
        }
        Map<String, String> labels = new TreeMap<>();
        labels.put(HealthLabels.ENDPOINT, declined.endpoint());
        // what stays true while the alert fires; how many calls were declined changes with every one of them
        String summary = "The circuit breaker for TikTok endpoint " + declined.endpoint() + " is open after repeated "
                + "TikTok-side failures: its calls are declined for every connection until it probes TikTok again";
        AlertCandidate candidate = new AlertCandidate(Fingerprint.of(NAME, declined.endpoint()), NAME,
                Severity.CRITICAL, labels, summary);
        return new Evaluation(NAME, scope, List.of(candidate), ignored -> summary);
    }

    private static String minutes(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}
