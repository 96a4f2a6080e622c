package io.adpulse.alerting.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.alerting.config.ReceiverSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Receiver settings of the e-mail, PagerDuty and Alertmanager integrations: defaults and startup validation. */
class ReceiversTest {

    @Test
    void bindsEmailPagerDutyAndAlertmanagerIntegrationsWithTheirDefaults() {
        List<ReceiverSettings> receivers = bind(Map.of(
                "r[0].name", "ops",
                "r[0].email[0].to", "oncall@example.com",
                "r[0].email[0].from", "alerts@example.com",
                "r[0].email[0].host", "smtp.example.com",
                "r[0].pagerduty[0].routing-key", "0123456789abcdef0123456789abcdef",
                "r[0].alertmanager[0].url", "http://alertmanager:9093"));

        ReceiverSettings ops = Receivers.of(receivers).get("ops").orElseThrow();
        ReceiverSettings.Email email = ops.email().get(0);
        assertThat(email.port()).isEqualTo(25);
        assertThat(email.starttls()).isTrue();
        assertThat(email.username()).isNull();
        ReceiverSettings.PagerDuty pagerDuty = ops.pagerduty().get(0);
        assertThat(pagerDuty.url()).isEqualTo(URI.create("https://events.pagerduty.com/v2/enqueue"));
        assertThat(pagerDuty.source()).isEqualTo("adpulse");
        assertThat(ops.alertmanager().get(0).url()).isEqualTo(URI.create("http://alertmanager:9093"));
        assertThat(ops.webhooks()).isEmpty();
    }

    @Test
    void neverShowsThePasswordOrRoutingKeyInTheSettingsText() {
        List<ReceiverSettings> receivers = bind(Map.of(
                "r[0].name", "ops",
                "r[0].email[0].to", "oncall@example.com",
                "r[0].email[0].from", "alerts@example.com",
                "r[0].email[0].host", "smtp.example.com",
                "r[0].email[0].username", "alerts",
                "r[0].email[0].password", "hunter2-secret",
                "r[0].pagerduty[0].routing-key", "routing-secret-key"));

        assertThat(receivers.get(0).toString()).contains("alerts", "smtp.example.com")
                .doesNotContain("hunter2-secret", "routing-secret-key");
    }

    @Test
    void rejectsAnInvalidAddressAPasswordWithoutUserAndNonHttpUrls() {
        assertThatThrownBy(() -> Receivers.of(bind(Map.of("r[0].name", "ops", "r[0].email[0].to", "oncall@@example",
                "r[0].email[0].from", "alerts@example.com", "r[0].email[0].host", "smtp"))))
                .hasMessage("invalid receivers at adpulse.alerting.receivers[0].email[0].to: 'oncall@@example' is not "
                        + "a comma-separated list of e-mail addresses");
        assertThatThrownBy(() -> Receivers.of(bind(Map.of("r[0].name", "ops", "r[0].email[0].to", "oncall@example.com",
                "r[0].email[0].from", "alerts@example.com", "r[0].email[0].host", "smtp",
                "r[0].email[0].password", "hunter2-secret"))))
                .hasMessage("invalid receivers at adpulse.alerting.receivers[0].email[0].username: a password is set, "
                        + "so a username is needed")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> Receivers.of(bind(Map.of("r[0].name", "ops", "r[0].pagerduty[0].url",
                "ftp://events.example.com", "r[0].pagerduty[0].routing-key", "k"))))
                .hasMessage("invalid receivers at adpulse.alerting.receivers[0].pagerduty[0].url: must be an absolute "
                        + "http or https URL");
        assertThatThrownBy(() -> Receivers.of(bind(Map.of("r[0].name", "ops", "r[0].alertmanager[0].url",
                "alertmanager:9093"))))
                .hasMessage("invalid receivers at adpulse.alerting.receivers[0].alertmanager[0].url: must be an "
                        + "absolute http or https URL");
    }

    private static List<ReceiverSettings> bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("r", Bindable.listOf(ReceiverSettings.class)).get();
    }
}
