package io.adpulse.alerting.inhibit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.alerting.alert.domain.Alert;
import io.adpulse.alerting.alert.domain.AlertState;
import io.adpulse.alerting.alert.domain.Severity;
import io.adpulse.alerting.config.InhibitRuleSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InhibitorTest {

    private static final Instant NOW = Instant.parse("2026-11-20T17:00:00Z");
    /** The shipped rule (application.yml). */
    private static final InhibitRuleSettings SHIPPED = new InhibitRuleSettings(
            List.of("alertname=\"connection-needs-reauth\""), List.of("alertname=~\"sync-stale|api-error-rate\""),
            List.of("connection_id"));

    private final Inhibitor inhibitor = new Inhibitor(Inhibitor.compile(List.of(SHIPPED)), null);

    @Test
    void aConnectionThatNeedsReauthInhibitsItsOwnStaleSyncAndApiErrorAlertsOnly() {
        Alert reauth = alert("fp-reauth", "connection-needs-reauth", AlertState.FIRING, "conn-1");
        Alert stale = alert("fp-stale", "sync-stale", AlertState.FIRING, "conn-1");
        Alert errors = alert("fp-errors", "api-error-rate", AlertState.FIRING, "conn-1");
        Alert otherConnection = alert("fp-other", "sync-stale", AlertState.FIRING, "conn-2");
        Alert pacing = alert("fp-pacing", "daily-budget-pacing", AlertState.FIRING, "conn-1");
        List<Alert> firing = List.of(reauth, stale, errors, otherConnection, pacing);

        assertThat(inhibitor.inhibitors(stale, firing)).containsExactly("fp-reauth");
        assertThat(inhibitor.inhibitors(errors, firing)).containsExactly("fp-reauth");
        assertThat(inhibitor.inhibitors(otherConnection, firing)).isEmpty();
        assertThat(inhibitor.inhibitors(pacing, firing)).isEmpty();
        assertThat(inhibitor.inhibitors(reauth, firing)).isEmpty();
        assertThat(inhibitor.inhibitors(alert("fp-stale", "sync-stale", AlertState.RESOLVED, "conn-1"), firing))
                .isEmpty();
        assertThat(inhibitor.inhibitors(stale, List.of(stale, errors))).isEmpty();
    }

    @Test
    void anAlertNeverInhibitsItselfAndMissingEqualLabelsCountAsEmpty() {
        Inhibitor broad = new Inhibitor(Inhibitor.compile(List.of(new InhibitRuleSettings(
                List.of("severity=\"critical\""), List.of("severity=~\"critical|warning\""), List.of("advertiser_id")))),
                null);
        Alert critical = alert("fp-1", "sync-stale", Severity.CRITICAL, Map.of("connection_id", "c"));
        Alert warning = alert("fp-2", "api-error-rate", Severity.WARNING, Map.of("connection_id", "c"));
        Alert withAdvertiser = alert("fp-3", "api-error-rate", Severity.WARNING, Map.of("advertiser_id", "7002"));

        assertThat(broad.inhibitors(critical, List.of(critical))).isEmpty();
        assertThat(broad.inhibitors(warning, List.of(critical, warning))).containsExactly("fp-1");
        assertThat(broad.inhibitors(withAdvertiser, List.of(critical, withAdvertiser))).isEmpty();
    }

    @Test
    void invalidRulesNameTheProperty() {
        assertThatThrownBy(() -> Inhibitor.compile(List.of(SHIPPED, new InhibitRuleSettings(List.of("severity=critical"),
                List.of("not a matcher"), List.of()))))
                .hasMessageStartingWith("invalid inhibit rule at adpulse.alerting.inhibit-rules[1].target-matchers[0]: "
                        + "'not a matcher' is not a matcher");
        assertThatThrownBy(() -> Inhibitor.compile(List.of(new InhibitRuleSettings(List.of(), List.of("a=b"), null))))
                .hasMessage("invalid inhibit rule at adpulse.alerting.inhibit-rules[0].source-matchers: at least one "
                        + "matcher is needed");
        assertThatThrownBy(() -> Inhibitor.compile(List.of(new InhibitRuleSettings(List.of("a=b"), List.of("c=d"),
                List.of("connection-id")))))
                .hasMessage("invalid inhibit rule at adpulse.alerting.inhibit-rules[0].equal: 'connection-id' is not a "
                        + "label name");
    }

    private static Alert alert(String fingerprint, String rule, AlertState state, String connection) {
        return new Alert(1, fingerprint, rule, Severity.WARNING, state, Map.of("connection_id", connection),
                "summary", NOW, state == AlertState.RESOLVED ? NOW : null, null, null, null);
    }

    private static Alert alert(String fingerprint, String rule, Severity severity, Map<String, String> labels) {
        return new Alert(1, fingerprint, rule, severity, AlertState.FIRING, labels, "summary", NOW, null, null, null,
                null);
    }
}
