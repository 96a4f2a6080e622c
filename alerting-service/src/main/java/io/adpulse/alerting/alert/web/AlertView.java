package io.adpulse.alerting.alert.web;

import io.adpulse.alerting.alert.domain.Alert;
import io.adpulse.alerting.alert.domain.AlertState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert episode as the API shows it; {@code severity} uses the same lower-case values as the events.
 * {@code silencedBy} lists the ids of the silences that mute a firing alert now (empty when none do, and for
 * resolved alerts); {@code inhibitedBy} lists the fingerprints of the firing alerts that inhibit it now. Such an
 * alert keeps its state but is not notified.
 */
record AlertView(String fingerprint, String rule, String severity, AlertState state, Map<String, String> labels,
        String summary, Instant startsAt, Instant resolvedAt, String resolution, String acknowledgedBy,
        Instant acknowledgedAt, List<String> silencedBy, List<String> inhibitedBy) {

    static AlertView of(Alert alert, List<String> silencedBy, List<String> inhibitedBy) {
        return new AlertView(alert.fingerprint(), alert.rule(), alert.severity().wireValue(), alert.state(),
                alert.labels(), alert.summary(), alert.startsAt(), alert.resolvedAt(), alert.resolution(),
                alert.acknowledgedBy(), alert.acknowledgedAt(),
                alert.state() == AlertState.FIRING ? List.copyOf(silencedBy) : List.of(),
                alert.state() == AlertState.FIRING ? List.copyOf(inhibitedBy) : List.of());
    }
}
