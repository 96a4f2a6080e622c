package io.adpulse.alerting.inhibit;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.AlertingServiceTest;
import io.adpulse.alerting.HttpReceiver.Received;
import io.adpulse.alerting.Observations;
import io.adpulse.alerting.notify.delivery.DeliveryWorker;
import io.adpulse.alerting.notify.dispatch.Dispatcher;
import io.adpulse.events.AlertFired;
import io.adpulse.events.AlertResolved;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The shipped inhibit rule: a connection that needs authorising again inhibits its own sync-stale and api-error-rate
 * alerts. Advertiser {@code notify-*} is routed to the {@code team-webhook} receiver (application-test.yml).
 */
class InhibitionTest extends AlertingServiceTest {

    private static final String TEAM = "/team";
    private static final String ENDPOINT = "/open_api/v1.3/campaign/get/";
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    WebTestClient web;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    DeliveryWorker worker;

    private final String advertiser = "notify-" + UUID.randomUUID();
    private final String connection = "conn-" + advertiser;

    @Test
    void inhibitedAlertsAreListedButNotDeliveredUntilTheConnectionIsAuthorisedAgain() {
        KAFKA.send(Topics.CONNECTIONS, connection, Observations.granted(connection, advertiser,
                NOW.minus(Duration.ofHours(1)), null));
        AlertFired stale = awaitAlert(AlertFired.class, "sync-stale");
        for (int i = 0; i < 5; i++) {
            KAFKA.send(Topics.API_ERRORS, connection, Observations.apiError(connection, advertiser, ENDPOINT,
                    "inh-" + i, NOW.minusSeconds(120 - i)));
        }
        AlertFired errors = awaitAlert(AlertFired.class, "api-error-rate");
        KAFKA.send(Topics.CONNECTIONS, connection, Observations.revoked(connection, advertiser, "NEEDS_REAUTH:40105",
                NOW.minusSeconds(600)));
        AlertFired reauth = awaitAlert(AlertFired.class, "connection-needs-reauth");

        tick(NOW);
        tick(NOW.plusSeconds(30));

        List<Received> received = RECEIVER.received(TEAM, advertiser);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).body()).contains(reauth.fingerprint()).doesNotContain(stale.fingerprint())
                .doesNotContain(errors.fingerprint());
        web.get().uri("/api/alerting/alerts?state=FIRING").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.fingerprint == '" + stale.fingerprint() + "')].inhibitedBy[0]")
                .isEqualTo(List.of(reauth.fingerprint()))
                .jsonPath("$[?(@.fingerprint == '" + errors.fingerprint() + "')].inhibitedBy[0]")
                .isEqualTo(List.of(reauth.fingerprint()))
                .jsonPath("$[?(@.fingerprint == '" + reauth.fingerprint() + "')].inhibitedBy[0]").isEmpty();

        KAFKA.send(Topics.CONNECTIONS, connection, Observations.granted(connection, advertiser, NOW.minusSeconds(60),
                null));
        awaitAlert(AlertResolved.class, "connection-needs-reauth");
        awaitAlert(AlertResolved.class, "sync-stale");
        Instant groupInterval = NOW.plusSeconds(30).plus(Duration.ofMinutes(5));
        tick(groupInterval);

        List<Received> after = RECEIVER.received(TEAM, advertiser);
        assertThat(after.stream().filter(r -> r.body().contains(errors.fingerprint())
                && r.body().contains("\"status\":\"firing\""))).hasSize(1);
        assertThat(after.stream().filter(r -> r.body().contains(reauth.fingerprint())
                && r.body().contains("\"status\":\"resolved\""))).hasSize(1);
        web.get().uri("/api/alerting/alerts?state=FIRING").exchange()
                .expectBody()
                .jsonPath("$[?(@.fingerprint == '" + errors.fingerprint() + "')].inhibitedBy[0]").isEmpty();
    }

    private void tick(Instant at) {
        dispatcher.dispatch(at).then(worker.deliverDue(at)).block();
    }

    private <T extends Record> T awaitAlert(Class<T> type, String rule) {
        ConsumerRecord<String, byte[]> record = KAFKA.awaitRecords(Topics.ALERTS, r -> {
            EventEnvelope<?> event = CODEC.decode(r.value());
            return type.isInstance(event.data()) && (event.data() instanceof AlertFired f
                    ? f.rule().equals(rule) && connection.equals(f.labels().get("connection_id"))
                    : event.data() instanceof AlertResolved res && res.rule().equals(rule)
                            && connection.equals(res.labels().get("connection_id")));
        }).get(0);
        return CODEC.decode(record.value(), type).data();
    }
}
