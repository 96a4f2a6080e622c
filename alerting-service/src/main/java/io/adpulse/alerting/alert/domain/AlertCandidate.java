package io.adpulse.alerting.alert.domain;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An alert condition that holds now, as a rule found it. It becomes a FIRING alert unless one with the
 * same fingerprint is already firing.
 */
public record AlertCandidate(String fingerprint, String rule, Severity severity, Map<String, String> labels,
        String summary) {

    public AlertCandidate {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        labels = Map.copyOf(new TreeMap<>(labels));
    }
}
