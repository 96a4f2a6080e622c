package io.adpulse.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.HttpReceiver.Received;
import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The {@code pager} receiver (advertisers {@code pd-*}, no group wait) sends PagerDuty Events v2 to the local HTTP
 * receiver at {@code /pagerduty/v2/enqueue}.
 */
class PagerDutyDeliveryTest extends DeliveryTestSupport {

    static final String PATH = "/pagerduty/v2/enqueue";
    static final String ROUTING_KEY = "pd-routing-key-0123456789abcdef";

    @Test
    void triggersOneIncidentPerGroupAndResolvesItWithTheSameDedupKey() throws Exception {
        String advertiser = "pd-" + UUID.randomUUID();
        AlertCandidate critical = candidate(advertiser, "cmp-1", Severity.CRITICAL);
        AlertCandidate warning = candidate(advertiser, "cmp-2", Severity.WARNING);
        String groupKey = "root.4:{advertiser_id=\"" + advertiser + "\",alertname=\"notify-test\"}";
        RECEIVER.answer(PATH, 202);
        evaluate(advertiser, T0, critical, warning);

        tick(T0);

        List<Received> events = RECEIVER.received(PATH, advertiser);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).contentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        JsonNode trigger = JSON.readTree(events.get(0).body());
        assertThat(trigger.propertyNames().iterator().next()).as("routing key first").isEqualTo("routing_key");
        assertThat(trigger.get("routing_key").asString()).isEqualTo(ROUTING_KEY);
        assertThat(trigger.get("event_action").asString()).isEqualTo("trigger");
        String dedupKey = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(groupKey.getBytes(StandardCharsets.UTF_8)));
        assertThat(trigger.get("dedup_key").asString()).isEqualTo(dedupKey);
        assertThat(trigger.get("client").asString()).isEqualTo("Adpulse");
        assertThat(trigger.get("client_url").asString()).isEqualTo("http://localhost:8080");
        JsonNode payload = trigger.get("payload");
        assertThat(payload.get("summary").asString())
                .isEqualTo("[FIRING:2] advertiser_id=" + advertiser + " alertname=notify-test");
        assertThat(payload.get("severity").asString()).as("the highest severity that fires").isEqualTo("critical");
        assertThat(payload.get("source").asString()).isEqualTo("adpulse-test");
        JsonNode details = payload.get("custom_details");
        assertThat(details.get("num_firing").asInt()).isEqualTo(2);
        assertThat(details.get("num_resolved").asInt()).isZero();
        assertThat(details.get("firing").asString()).isEqualTo(
                "FIRING (critical) " + critical.summary() + " [advertiser_id=" + advertiser + " campaign_id=cmp-1]\n"
                        + "FIRING (warning) " + warning.summary() + " [advertiser_id=" + advertiser + " campaign_id=cmp-2]");
        assertThat(details.get("group_key").asString()).isEqualTo(groupKey);
        assertThat(map(details.get("group_labels"))).containsEntry("advertiser_id", advertiser);

        JsonNode stored = deliveryOf("pager", critical);
        assertThat(stored.get("integration").asString()).isEqualTo("pagerduty");
        assertThat(stored.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(stored.toString()).doesNotContain(ROUTING_KEY);

        evaluate(advertiser, T0.plusSeconds(60), warning);
        tick(T0.plusSeconds(300));
        evaluate(advertiser, T0.plusSeconds(400));
        tick(T0.plusSeconds(600));

        events = RECEIVER.received(PATH, advertiser);
        assertThat(events).hasSize(3);
        JsonNode update = JSON.readTree(events.get(1).body());
        assertThat(update.get("event_action").asString()).isEqualTo("trigger");
        assertThat(update.get("payload").get("severity").asString()).isEqualTo("warning");
        assertThat(update.get("payload").get("summary").asString())
                .isEqualTo("[FIRING:1] advertiser_id=" + advertiser + " alertname=notify-test");
        assertThat(update.get("payload").get("custom_details").get("resolved").asString())
                .isEqualTo("RESOLVED cleared for " + advertiser + " [advertiser_id=" + advertiser + " campaign_id=cmp-1]");
        JsonNode resolve = JSON.readTree(events.get(2).body());
        assertThat(resolve.get("event_action").asString()).isEqualTo("resolve");
        assertThat(resolve.get("dedup_key").asString()).isEqualTo(dedupKey);
        assertThat(resolve.get("routing_key").asString()).isEqualTo(ROUTING_KEY);
        assertThat(resolve.get("payload").get("summary").asString())
                .isEqualTo("[RESOLVED] advertiser_id=" + advertiser + " alertname=notify-test: RESOLVED cleared for "
                        + advertiser);
    }

    @Test
    void retriesAnEventPagerDutyThrottlesUntilItIsAccepted() {
        String advertiser = "pd-" + UUID.randomUUID();
        AlertCandidate alert = candidate(advertiser, "cmp-1", Severity.INFO);
        RECEIVER.answer(PATH, 429);
        evaluate(advertiser, T0, alert);

        tick(T0);
        JsonNode pending = deliveryOf("pager", alert);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.get("lastError").asString()).isEqualTo("HTTP 429 Too Many Requests");

        worker.deliverDue(T0.plusSeconds(10)).block();
        List<Received> events = RECEIVER.received(PATH, advertiser);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).body()).isEqualTo(events.get(0).body());
        assertThat(JSON.readTree(events.get(1).body()).get("payload").get("severity").asString()).isEqualTo("info");
        assertThat(deliveryOf("pager", alert).get("status").asString()).isEqualTo("DELIVERED");
    }
}
