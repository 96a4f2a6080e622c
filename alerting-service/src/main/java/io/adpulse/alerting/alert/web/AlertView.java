package io.adpulse.alerting.alert.web;

import io.adpulse.alerting.alert.domain.Alert;
import io.adpulse.alerting.alert.domain.AlertState;
import java.time.Instant;
import java.util.Map;

/** An alert episode as the API shows it; {@code severity} uses the same lower-case values as the events. */
record AlertView(String fingerprint, String rule, String severity, AlertState state, Map<String, String> labels,
        String summary, Instant startsAt, Instant resolvedAt, String resolution, String acknowledgedBy,
        Instant acknowledgedAt) {

    static AlertView of(Alert alert) {
        return new AlertView(alert.fingerprint(), alert.rule(), alert.severity().wireValue(), alert.state(),
                alert.labels(), alert.summary(), alert.startsAt(), alert.resolvedAt(), alert.resolution(),
                alert.acknowledgedBy(), alert.acknowledgedAt());
    }
}
