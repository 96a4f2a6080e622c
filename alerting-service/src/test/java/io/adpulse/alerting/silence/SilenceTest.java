package io.adpulse.alerting.silence;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.AlertingServiceTest;
import io.adpulse.alerting.HttpReceiver.Received;
import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.AlertLifecycle;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.alert.domain.Fingerprint;
import io.adpulse.alerting.alert.domain.Severity;
import io.adpulse.alerting.notify.delivery.DeliveryWorker;
import io.adpulse.alerting.notify.dispatch.Dispatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** Silences through the API, and their effect on notifications; the service's clock stands at {@link #NOW}. */
class SilenceTest extends AlertingServiceTest {

    private static final String RULE = "silence-test";
    private static final String TEAM = "/team";

    @Autowired
    WebTestClient web;

    @Autowired
    AlertLifecycle lifecycle;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    DeliveryWorker worker;

    private final String advertiser = "notify-" + UUID.randomUUID();

    @Test
    void aSilencedAlertIsNotDeliveredButStaysVisibleAsFiringUntilTheSilenceIsExpired() {
        String silence = createSilence("""
                {"matchers": [{"name": "advertiser_id", "value": "%s"}, {"name": "rule", "value": "silence-.*",
                 "isRegex": true}], "endsAt": "%s", "comment": "planned budget change"}"""
                .formatted(advertiser, NOW.plus(Duration.ofHours(2))));
        AlertCandidate alert = candidate("cmp-1");
        Instant firedAt = NOW.plus(Duration.ofMinutes(10));
        evaluate(firedAt, alert);

        tick(firedAt);
        tick(firedAt.plusSeconds(30));
        assertThat(RECEIVER.received(TEAM, advertiser)).isEmpty();
        web.get().uri("/api/alerting/alerts?state=FIRING").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.fingerprint == '" + alert.fingerprint() + "')].state").isEqualTo(List.of("FIRING"))
                .jsonPath("$[?(@.fingerprint == '" + alert.fingerprint() + "')].silencedBy[0]").isEqualTo(List.of(silence));

        web.delete().uri("/api/alerting/silences/{id}", silence).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.state").isEqualTo("EXPIRED")
                .jsonPath("$.endsAt").isEqualTo(NOW.toString());
        tick(firedAt.plusSeconds(30).plus(Duration.ofMinutes(5)));

        List<Received> received = RECEIVER.received(TEAM, advertiser);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).body()).contains(alert.fingerprint()).contains("\"status\":\"firing\"");
        web.get().uri("/api/alerting/alerts?state=FIRING").exchange()
                .expectBody()
                .jsonPath("$[?(@.fingerprint == '" + alert.fingerprint() + "')].silencedBy[0]").isEmpty();
    }

    @Test
    void anAlertTheReceiverSawFiringIsStillReportedResolvedWhileSilenced() {
        AlertCandidate alert = candidate("cmp-1");
        Instant firedAt = NOW.plus(Duration.ofMinutes(10));
        evaluate(firedAt, alert);
        tick(firedAt);
        tick(firedAt.plusSeconds(30));
        assertThat(RECEIVER.received(TEAM, advertiser)).hasSize(1);

        createSilence("""
                {"matchers": [{"name": "advertiser_id", "value": "%s"}], "endsAt": "%s", "comment": "noisy"}"""
                .formatted(advertiser, NOW.plus(Duration.ofHours(2))));
        evaluate(firedAt.plus(Duration.ofMinutes(1)));
        tick(firedAt.plusSeconds(30).plus(Duration.ofMinutes(5)));

        List<Received> received = RECEIVER.received(TEAM, advertiser);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).body()).contains("\"status\":\"resolved\"");
    }

    @Test
    void listsShowsAndExpiresSilencesByState() {
        String pending = createSilence("""
                {"matchers": [{"name": "advertiser_id", "value": "%s", "isEqual": false, "isRegex": false},
                 {"name": "rule", "value": "silence-test"}], "startsAt": "%s", "endsAt": "%s", "comment": "maintenance window"}"""
                .formatted(advertiser, NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(3))));

        web.get().uri("/api/alerting/silences/{id}", pending).header("X-Adpulse-Actor", "oncall.bob").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.state").isEqualTo("PENDING")
                .jsonPath("$.createdBy").isEqualTo("oncall.alice")
                .jsonPath("$.matchers[0].isEqual").isEqualTo(false)
                .jsonPath("$.startsAt").isEqualTo(NOW.plus(Duration.ofHours(1)).toString());
        web.get().uri("/api/alerting/silences?state=PENDING").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + pending + "')].comment").isEqualTo(List.of("maintenance window"));
        web.get().uri("/api/alerting/silences?state=ACTIVE").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + pending + "')]").isEmpty();

        web.delete().uri("/api/alerting/silences/{id}", pending).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("EXPIRED");
        web.delete().uri("/api/alerting/silences/{id}", pending).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("silence " + pending + " already ended at " + NOW);
        UUID unknown = UUID.randomUUID();
        web.delete().uri("/api/alerting/silences/{id}", unknown).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("no silence with id " + unknown);
        web.get().uri("/api/alerting/silences/not-a-uuid").exchange().expectStatus().isBadRequest();
        web.get().uri("/api/alerting/silences?state=GONE").exchange().expectStatus().isBadRequest();
    }

    @Test
    void rejectsAnInvalidSilenceWithAProblemSayingWhy() {
        String end = NOW.plus(Duration.ofHours(1)).toString();
        rejects("{\"matchers\": [], \"endsAt\": \"" + end + "\", \"comment\": \"x\"}",
                "matchers must hold at least one matcher");
        rejects("{\"matchers\": [{\"name\": \"advertiser_id\", \"value\": \"(\", \"isRegex\": true}], \"endsAt\": \""
                + end + "\", \"comment\": \"x\"}",
                "matchers[0]: the value of matcher advertiser_id is not a valid regular expression: Unclosed group");
        rejects("{\"matchers\": [{\"name\": \"advertiser-id\", \"value\": \"7\"}], \"endsAt\": \"" + end
                + "\", \"comment\": \"x\"}",
                "matchers[0]: 'advertiser-id' is not a label name (letters, digits and _, not starting with a digit)");
        rejects("{\"matchers\": [{\"name\": \"team\", \"value\": \".*\", \"isRegex\": true}], \"endsAt\": \"" + end
                + "\", \"comment\": \"x\"}",
                "the matchers would silence every alert; at least one must require a non-empty label value");
        rejects("{\"matchers\": [{\"name\": \"advertiser_id\", \"value\": \"7\"}], \"comment\": \"x\"}",
                "endsAt is required: every silence expires");
        rejects("{\"matchers\": [{\"name\": \"advertiser_id\", \"value\": \"7\"}], \"endsAt\": \""
                + NOW.minusSeconds(1) + "\", \"comment\": \"x\"}",
                "endsAt (" + NOW.minusSeconds(1) + ") must be after the start (" + NOW + ")");
        rejects("{\"matchers\": [{\"name\": \"advertiser_id\", \"value\": \"7\"}], \"endsAt\": \"" + end
                + "\", \"comment\": \" \"}", "comment is required: say why the alerts are silenced");
        web.post().uri("/api/alerting/silences").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"matchers\": [")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void rejects(String body, String detail) {
        web.post().uri("/api/alerting/silences").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo(detail);
    }

    private String createSilence(String body) {
        return web.post().uri("/api/alerting/silences").header("X-Adpulse-Actor", "oncall.alice")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class)
                .returnResult().getResponseBody().get("id").toString();
    }

    private AlertCandidate candidate(String campaign) {
        return new AlertCandidate(Fingerprint.of(RULE, advertiser, campaign), RULE, Severity.WARNING,
                Map.of("advertiser_id", advertiser, "campaign_id", campaign), "Campaign " + campaign + " of "
                        + advertiser + " needs attention");
    }

    private void evaluate(Instant at, AlertCandidate... active) {
        Map<String, String> scope = Map.of("advertiser_id", advertiser);
        lifecycle.evaluate(RULE, scope, Mono.just(new Evaluation(RULE, scope, List.of(active), labels -> "cleared")), at)
                .block();
    }

    private void tick(Instant at) {
        dispatcher.dispatch(at).then(worker.deliverDue(at)).block();
    }
}
