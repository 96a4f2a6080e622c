package io.adpulse.alerting.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.notify.routing.Receivers;
import io.adpulse.alerting.notify.routing.Routing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

class DeliveryWorkerTest {

    private static final AlertingProperties.Notifications SETTINGS = new AlertingProperties.Notifications(true,
            Duration.ofSeconds(1), Duration.ofSeconds(10), 10, Duration.ofSeconds(10), Duration.ofMinutes(10), 100,
            "http://localhost:8080");

    @Test
    void doublesTheDelayAfterEachFailureUpToTheMaximum() {
        DeliveryWorker worker = new DeliveryWorker(null, Routing.fixed(Receivers.of(List.of()), null),
                new SimpleMeterRegistry(), properties(), null, null, null);

        assertThat(worker.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(worker.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(worker.backoff(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(worker.backoff(7)).isEqualTo(Duration.ofMinutes(10));
        assertThat(worker.backoff(60)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void describesAFailureWithoutItsUrl() {
        IOException refused = new IOException("POST https://hooks.slack.com/services/T0/B0/secret failed",
                new ConnectException("Connection refused: hooks.slack.com/services/T0/B0/secret"));

        assertThat(DeliveryWorker.describe(refused)).isEqualTo("request failed: ConnectException");
        assertThat(DeliveryWorker.describe(new TimeoutException("Did not observe any item"))).isEqualTo("no answer in time");
    }

    @Test
    void describesAMailFailureByItsKindWithoutAddressesOrCredentials() {
        MessagingException refused = new MessagingException("Couldn't connect to host smtp.example.com, port: 587",
                new ConnectException("Connection refused"));
        MailSendException send = new MailSendException(Map.of(new Object(), refused));
        MailAuthenticationException login = new MailAuthenticationException(
                new AuthenticationFailedException("535 bad password for user ops@example.com"));

        assertThat(DeliveryWorker.describe(send)).isEqualTo("mail failed: ConnectException");
        assertThat(DeliveryWorker.describe(login)).isEqualTo("mail failed: AuthenticationFailedException");
    }

    @Test
    void postsToAlertmanagersAlertsEndpointUnderItsPathPrefix() {
        assertThat(DeliveryWorker.alertsEndpoint(URI.create("http://alertmanager:9093")))
                .isEqualTo(URI.create("http://alertmanager:9093/api/v2/alerts"));
        assertThat(DeliveryWorker.alertsEndpoint(URI.create("https://ops.example.com/alertmanager/")))
                .isEqualTo(URI.create("https://ops.example.com/alertmanager/api/v2/alerts"));
    }

    private static AlertingProperties properties() {
        return new AlertingProperties(Duration.ofSeconds(30), null, null, null, null, List.of(), SETTINGS,
                null, null, null, null, null, null);
    }
}
