package io.adpulse.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.HttpReceiver.Received;
import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.Severity;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Given-up deliveries raise the {@code delivery-failing} alert of their receiver. Receiver {@code fragile} takes
 * advertisers {@code fragile-*}; {@code delivery-failing} alerts go to receiver {@code meta} at {@code /meta}.
 */
class DeliveryFailingAlertTest extends DeliveryTestSupport {

    static final String FRAGILE = "/fragile";
    static final String META = "/meta";

    @Test
    void aGivenUpDeliveryFiresAnAlertForItsReceiverThatResolvesOnceADeliverySucceedsAgain() {
        String advertiser = "fragile-" + UUID.randomUUID();
        AlertCandidate alert = candidate(advertiser, "cmp-1", Severity.WARNING);
        RECEIVER.answer(FRAGILE, 500, 500, 500);
        evaluate(advertiser, T0, alert);

        tick(T0);
        worker.deliverDue(T0.plusSeconds(10)).block();
        assertThat(failingAlert("FIRING")).as("retrying is not failing yet").isEmpty();
        worker.deliverDue(T0.plusSeconds(30)).block();

        JsonNode firing = failingAlert("FIRING").orElseThrow();
        assertThat(firing.get("severity").asString()).isEqualTo("critical");
        assertThat(firing.get("startsAt").asString()).isEqualTo(T0.plusSeconds(30).toString());
        assertThat(firing.get("summary").asString()).isEqualTo("Notifications to receiver fragile are failing: 1 "
                + "delivery was given up since its last successful delivery (last error: HTTP 500 Internal Server "
                + "Error); see GET /api/alerting/deliveries?status=FAILED&receiver=fragile");

        tick(T0.plusSeconds(30));
        List<Received> meta = RECEIVER.received(META, "\"receiver\":\"fragile\"");
        assertThat(meta).hasSize(1);
        JsonNode payload = JSON.readTree(meta.get(0).body());
        assertThat(payload.get("status").asString()).isEqualTo("firing");
        assertThat(map(payload.get("alerts").get(0).get("labels"))).isEqualTo(Map.of("receiver", "fragile",
                "alertname", "delivery-failing", "rule", "delivery-failing", "severity", "critical"));

        long id = deliveryOf("fragile", alert).get("id").asLong();
        web.post().uri("/api/alerting/deliveries/{id}/retry", id).exchange().expectStatus().isOk();
        worker.deliverDue(T0.plusSeconds(60)).block();

        assertThat(deliveryOf("fragile", alert).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(failingAlert("FIRING")).isEmpty();
        JsonNode resolved = failingAlert("RESOLVED").orElseThrow();
        assertThat(resolved.get("resolvedAt").asString()).isEqualTo(T0.plusSeconds(60).toString());
        assertThat(resolved.get("resolution").asString()).isEqualTo("Deliveries to receiver fragile succeed again");

        tick(T0.plusSeconds(30 + 300));
        meta = RECEIVER.received(META, "\"receiver\":\"fragile\"");
        assertThat(meta).hasSize(2);
        assertThat(JSON.readTree(meta.get(1).body()).get("status").asString()).isEqualTo("resolved");
    }

    /** The latest {@code delivery-failing} episode of receiver {@code fragile} in {@code state}, from the API. */
    java.util.Optional<JsonNode> failingAlert(String state) {
        byte[] body = web.get().uri("/api/alerting/alerts?state={s}&limit=1000", state).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body).valueStream()
                .filter(a -> a.get("rule").asString().equals("delivery-failing"))
                .filter(a -> "fragile".equals(a.get("labels").get("receiver").asString()))
                .findFirst();
    }
}
