package io.adpulse.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.HttpReceiver.Received;
import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing, grouping, repeat and delivery with retries, on instants the test chooses, to the real local HTTP
 * receiver. Routes (application-test.yml): advertisers {@code notify-*} go to {@code team-webhook}, and with
 * {@code continue} their critical alerts also to {@code pager-slack}; advertisers {@code flaky-*} go to
 * {@code flaky} without group wait; everything else to the integration-less {@code blackhole}.
 */
class NotificationDeliveryTest extends DeliveryTestSupport {

    static final String TEAM = "/team";
    static final String SLACK = "/slack/T000/B000/XXXX";
    static final String FLAKY = "/flaky";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MeterRegistry metrics;

    @Test
    void groupsAnAdvertisersAlertsAndSendsThemAfterGroupWaitAsAnAlertmanagerPayload() {
        String advertiser = "notify-" + UUID.randomUUID();
        AlertCandidate first = candidate(advertiser, "cmp-1", Severity.WARNING);
        AlertCandidate second = candidate(advertiser, "cmp-2", Severity.WARNING);
        evaluate(advertiser, T0, first, second);

        tick(T0);
        tick(T0.plusSeconds(29));
        assertThat(RECEIVER.received(TEAM, advertiser)).isEmpty();

        tick(T0.plusSeconds(30));
        List<Received> received = RECEIVER.received(TEAM, advertiser);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).contentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        JsonNode payload = json(received.get(0));
        assertThat(payload.get("version").asString()).isEqualTo("4");
        assertThat(payload.get("status").asString()).isEqualTo("firing");
        assertThat(payload.get("receiver").asString()).isEqualTo("team-webhook");
        assertThat(payload.get("groupKey").asString())
                .isEqualTo("root.0:{advertiser_id=\"" + advertiser + "\",alertname=\"notify-test\"}");
        assertThat(map(payload.get("groupLabels"))).isEqualTo(Map.of("alertname", RULE, "advertiser_id", advertiser));
        assertThat(map(payload.get("commonLabels"))).isEqualTo(Map.of("alertname", RULE, "rule", RULE,
                "advertiser_id", advertiser, "severity", "warning"));
        JsonNode alert = payload.get("alerts").get(0);
        assertThat(payload.get("alerts")).hasSize(2);
        assertThat(alert.get("status").asString()).isEqualTo("firing");
        assertThat(alert.get("fingerprint").asString()).isEqualTo(first.fingerprint());
        assertThat(map(alert.get("labels"))).containsEntry("campaign_id", "cmp-1").containsEntry("severity", "warning");
        assertThat(alert.get("annotations").get("summary").asString()).isEqualTo(first.summary());
        assertThat(alert.get("startsAt").asString()).isEqualTo(T0.toString());
        assertThat(alert.get("endsAt").asString()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(RECEIVER.received(SLACK, advertiser)).as("warnings do not page").isEmpty();
    }

    @Test
    void notifiesChangesAfterGroupIntervalRepeatsOnlyAfterRepeatIntervalAndReportsResolutions() {
        String advertiser = "notify-" + UUID.randomUUID();
        AlertCandidate first = candidate(advertiser, "cmp-1", Severity.WARNING);
        AlertCandidate second = candidate(advertiser, "cmp-2", Severity.WARNING);
        evaluate(advertiser, T0, first, second);
        Instant flushed = T0.plusSeconds(30);
        tick(T0);
        tick(flushed);
        assertThat(RECEIVER.received(TEAM, advertiser)).hasSize(1);

        tick(flushed.plus(Duration.ofMinutes(5)));
        assertThat(RECEIVER.received(TEAM, advertiser)).as("nothing changed, no repeat yet").hasSize(1);

        Instant secondResolves = flushed.plus(Duration.ofMinutes(6));
        evaluate(advertiser, secondResolves, first);
        tick(secondResolves);
        assertThat(RECEIVER.received(TEAM, advertiser)).as("waits for the group interval").hasSize(1);
        Instant nextFlush = flushed.plus(Duration.ofMinutes(10));
        tick(nextFlush);
        List<Received> received = RECEIVER.received(TEAM, advertiser);
        assertThat(received).hasSize(2);
        JsonNode change = json(received.get(1));
        assertThat(change.get("status").asString()).isEqualTo("firing");
        assertThat(statuses(change)).isEqualTo(Map.of(first.fingerprint(), "firing", second.fingerprint(), "resolved"));
        JsonNode resolved = alertOf(change, second.fingerprint());
        assertThat(resolved.get("endsAt").asString()).isEqualTo(secondResolves.toString());
        assertThat(resolved.get("annotations").get("resolution").asString()).isEqualTo("cleared for " + advertiser);

        tick(nextFlush.plus(Duration.ofMinutes(5)));
        assertThat(RECEIVER.received(TEAM, advertiser)).as("resolved alerts are told once").hasSize(2);

        Instant repeat = nextFlush.plus(Duration.ofHours(4));
        tick(repeat);
        received = RECEIVER.received(TEAM, advertiser);
        assertThat(received).hasSize(3);
        assertThat(statuses(json(received.get(2)))).isEqualTo(Map.of(first.fingerprint(), "firing"));

        evaluate(advertiser, repeat.plusSeconds(60), new AlertCandidate[0]);
        tick(repeat.plus(Duration.ofMinutes(5)));
        received = RECEIVER.received(TEAM, advertiser);
        assertThat(received).hasSize(4);
        assertThat(json(received.get(3)).get("status").asString()).isEqualTo("resolved");
        assertThat(statuses(json(received.get(3)))).isEqualTo(Map.of(first.fingerprint(), "resolved"));

        tick(repeat.plus(Duration.ofHours(10)));
        assertThat(RECEIVER.received(TEAM, advertiser)).as("a fully resolved group is gone").hasSize(4);
    }

    @Test
    void sendsACriticalAlertAlsoToSlackThroughTheNextMatchingRoute() {
        String advertiser = "notify-" + UUID.randomUUID();
        AlertCandidate critical = candidate(advertiser, "cmp-1", Severity.CRITICAL);
        evaluate(advertiser, T0, critical);

        tick(T0);
        tick(T0.plusSeconds(30));

        assertThat(RECEIVER.received(TEAM, advertiser)).hasSize(1);
        List<Received> slack = RECEIVER.received(SLACK, advertiser);
        assertThat(slack).hasSize(1);
        JsonNode message = json(slack.get(0));
        assertThat(message.get("channel").asString()).isEqualTo("#oncall");
        assertThat(message.get("username").asString()).isEqualTo("adpulse");
        assertThat(message.get("text").asString()).isEqualTo("[FIRING:1] alertname=notify-test");
        JsonNode attachment = message.get("attachments").get(0);
        assertThat(attachment.get("color").asString()).isEqualTo("danger");
        assertThat(attachment.get("text").asString()).isEqualTo("*FIRING* (critical) " + critical.summary());
    }

    @Test
    void retriesAFailingReceiverWithBackoffUntilItRecovers() {
        String advertiser = "flaky-" + UUID.randomUUID();
        AlertCandidate alert = candidate(advertiser, "cmp-1", Severity.WARNING);
        double retrying = count("flaky", "retrying");
        double delivered = count("flaky", "delivered");
        RECEIVER.answer(FLAKY, 503);
        evaluate(advertiser, T0, alert);

        tick(T0);
        assertThat(RECEIVER.received(FLAKY, advertiser)).hasSize(1);
        web.get().uri("/api/alerting/deliveries?receiver=flaky&status=PENDING").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath(delivery(alert) + ".attempts").isEqualTo(List.of(1))
                .jsonPath(delivery(alert) + ".lastError").isEqualTo(List.of("HTTP 503 Service Unavailable"))
                .jsonPath(delivery(alert) + ".nextAttemptAt").isEqualTo(List.of(T0.plusSeconds(10).toString()));

        worker.deliverDue(T0.plusSeconds(9)).block();
        assertThat(RECEIVER.received(FLAKY, advertiser)).as("backs off").hasSize(1);

        worker.deliverDue(T0.plusSeconds(10)).block();
        assertThat(RECEIVER.received(FLAKY, advertiser)).hasSize(2);
        web.get().uri("/api/alerting/deliveries?receiver=flaky").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath(delivery(alert) + ".status").isEqualTo(List.of("DELIVERED"))
                .jsonPath(delivery(alert) + ".attempts").isEqualTo(List.of(2))
                .jsonPath(delivery(alert) + ".deliveredAt").isEqualTo(List.of(T0.plusSeconds(10).toString()));
        assertThat(count("flaky", "retrying")).isEqualTo(retrying + 1);
        assertThat(count("flaky", "delivered")).isEqualTo(delivered + 1);
    }

    @Test
    void givesUpAfterTheLastAttemptKeepsTheFailureVisibleAndRetriesItOnRequest() {
        String advertiser = "flaky-" + UUID.randomUUID();
        AlertCandidate alert = candidate(advertiser, "cmp-1", Severity.WARNING);
        double failed = count("flaky", "failed");
        RECEIVER.answer(FLAKY, 500, 500, 500);
        evaluate(advertiser, T0, alert);

        tick(T0);
        worker.deliverDue(T0.plusSeconds(10)).block();
        worker.deliverDue(T0.plusSeconds(30)).block();
        worker.deliverDue(T0.plus(Duration.ofDays(1))).block();

        assertThat(RECEIVER.received(FLAKY, advertiser)).hasSize(3);
        assertThat(count("flaky", "failed")).isEqualTo(failed + 1);
        byte[] body = web.get().uri("/api/alerting/deliveries?status=FAILED").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath(delivery(alert) + ".attempts").isEqualTo(List.of(3))
                .jsonPath(delivery(alert) + ".lastError").isEqualTo(List.of("HTTP 500 Internal Server Error"))
                .returnResult().getResponseBody();
        assertThat(new String(body)).doesNotContain(RECEIVER.url());
        long id = JSON.readTree(body).valueStream()
                .filter(d -> d.get("fingerprints").get(0).asString().equals(alert.fingerprint()))
                .findFirst().orElseThrow().get("id").asLong();

        web.post().uri("/api/alerting/deliveries/{id}/retry", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PENDING").jsonPath("$.attempts").isEqualTo(0);
        worker.deliverDue(T0.plus(Duration.ofDays(1))).block();
        assertThat(RECEIVER.received(FLAKY, advertiser)).hasSize(4);

        web.post().uri("/api/alerting/deliveries/{id}/retry", id).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail")
                .isEqualTo("delivery " + id + " is DELIVERED; only FAILED deliveries can be retried");
        web.post().uri("/api/alerting/deliveries/{id}/retry", Long.MAX_VALUE).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void rejectsAnUnknownDeliveryStatusOrLimit() {
        web.get().uri("/api/alerting/deliveries?status=LOST").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/alerting/deliveries?limit=5000").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("limit must be between 1 and 1000, was 5000");
    }

    double count(String receiver, String outcome) {
        Counter counter = metrics.find("adpulse.alerting.deliveries").tag("receiver", receiver).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static String delivery(AlertCandidate alert) {
        return "$[?(@.fingerprints[0] == '" + alert.fingerprint() + "')]";
    }

    static JsonNode json(Received received) {
        return JSON.readTree(received.body());
    }

    static Map<String, String> map(JsonNode node) {
        return JSON.convertValue(node, JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }

    static Map<String, String> statuses(JsonNode payload) {
        Map<String, String> statuses = new java.util.TreeMap<>();
        payload.get("alerts").forEach(a -> statuses.put(a.get("fingerprint").asString(), a.get("status").asString()));
        return statuses;
    }

    static JsonNode alertOf(JsonNode payload, String fingerprint) {
        return payload.get("alerts").valueStream().filter(a -> a.get("fingerprint").asString().equals(fingerprint))
                .findFirst().orElseThrow();
    }
}
