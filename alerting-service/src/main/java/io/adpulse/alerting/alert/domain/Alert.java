package io.adpulse.alerting.alert.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One episode of an alert: from the moment its condition became true ({@code startsAt}) to the moment
 * it cleared ({@code resolvedAt}, null while firing). A fingerprint that fires again after resolving
 * starts a new episode; at most one episode per fingerprint is firing at a time.
 */
public record Alert(long id, String fingerprint, String rule, Severity severity, AlertState state,
        Map<String, String> labels, String summary, Instant startsAt, Instant resolvedAt, String resolution,
        String acknowledgedBy, Instant acknowledgedAt) {

    /** Label naming the rule, as Alertmanager calls it; routes and silences can match on it. */
    public static final String ALERTNAME = "alertname";
    public static final String RULE = "rule";
    public static final String SEVERITY = "severity";

    /**
     * The labels routes and silences match on and receivers get: the alert's own labels plus
     * {@code alertname} and {@code rule} (both the rule name) and {@code severity} (lower case).
     */
    public Map<String, String> matchLabels() {
        Map<String, String> all = new HashMap<>(labels);
        all.put(ALERTNAME, rule);
        all.put(RULE, rule);
        all.put(SEVERITY, severity.wireValue());
        return all;
    }
}
