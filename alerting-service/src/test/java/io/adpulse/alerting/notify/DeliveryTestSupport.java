package io.adpulse.alerting.notify;

import io.adpulse.alerting.AlertingServiceTest;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Alerts of rule {@code notify-test} raised and cleared by hand, dispatched and delivered at chosen instants. */
abstract class DeliveryTestSupport extends AlertingServiceTest {

    static final String RULE = "notify-test";
    static final Instant T0 = NOW.plus(Duration.ofHours(1));
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AlertLifecycle lifecycle;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    WebTestClient web;

    static AlertCandidate candidate(String advertiser, String campaign, Severity severity) {
        return new AlertCandidate(Fingerprint.of(RULE, advertiser, campaign), RULE, severity,
                Map.of("advertiser_id", advertiser, "campaign_id", campaign),
                "Campaign " + campaign + " of " + advertiser + " needs attention");
    }

    /** The advertiser's firing alerts are now exactly {@code active}; the others resolve. */
    void evaluate(String advertiser, Instant at, AlertCandidate... active) {
        Map<String, String> scope = Map.of("advertiser_id", advertiser);
        lifecycle.evaluate(RULE, scope, Mono.just(new Evaluation(RULE, scope, List.of(active),
                labels -> "cleared for " + advertiser)), at).block();
    }

    void tick(Instant at) {
        dispatcher.dispatch(at).then(worker.deliverDue(at)).block();
    }

    /** The deliveries of {@code receiver} as the API lists them, newest first. */
    JsonNode deliveries(String receiver) {
        byte[] body = web.get().uri("/api/alerting/deliveries?receiver={r}", receiver).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    /** The one delivery of {@code receiver} about {@code alert}, from the API. */
    JsonNode deliveryOf(String receiver, AlertCandidate alert) {
        return deliveries(receiver).valueStream()
                .filter(d -> d.get("fingerprints").get(0).asString().equals(alert.fingerprint()))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one delivery of " + alert.fingerprint());
                })
                .orElseThrow(() -> new AssertionError("no delivery of " + alert.fingerprint()));
    }

    static Map<String, String> map(JsonNode node) {
        return JSON.convertValue(node, JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }
}
