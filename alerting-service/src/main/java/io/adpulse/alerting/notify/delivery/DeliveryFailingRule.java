package io.adpulse.alerting.notify.delivery;

import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.AlertLifecycle;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.alert.domain.Fingerprint;
import io.adpulse.alerting.alert.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The {@code delivery-failing} rule: a receiver is failing while it has a delivery that was given up (FAILED)
 * after its latest successful delivery. The alert ({@code critical}, label {@code receiver}) fires when a delivery
 * to the receiver is given up and resolves once a delivery to it succeeds again. It is evaluated after each
 * give-up and each successful delivery, and goes through the routing tree like any alert; one fingerprint per
 * receiver, so a failing receiver that also gets this alert does not raise another.
 */
@Component
class DeliveryFailingRule {

    static final String RULE = "delivery-failing";
    static final String RECEIVER = "receiver";
    private static final Logger log = LoggerFactory.getLogger(DeliveryFailingRule.class);

    private final AlertLifecycle lifecycle;
    private final DeliveryStore store;

    DeliveryFailingRule(AlertLifecycle lifecycle, DeliveryStore store) {
        this.lifecycle = lifecycle;
        this.store = store;
    }

    /** Judges {@code receiver} at {@code now}; a failure to do so is logged and does not stop deliveries. */
    Mono<Void> evaluate(String receiver, Instant now) {
        Map<String, String> scope = Map.of(RECEIVER, receiver);
        Mono<Evaluation> evaluation = store.failingSinceLastSuccess(receiver)
                .map(failing -> new Evaluation(RULE, scope, failing.count() == 0 ? List.of()
                        : List.of(candidate(receiver, failing)),
                        labels -> "Deliveries to receiver " + receiver + " succeed again"));
        return lifecycle.evaluate(RULE, scope, evaluation, now)
                .onErrorResume(e -> {
                    log.warn("could not judge whether deliveries to {} are failing: {}", receiver, e.toString());
                    return Mono.empty();
                });
    }

    static AlertCandidate candidate(String receiver, DeliveryStore.Failing failing) {
        String summary = "Notifications to receiver " + receiver + " are failing: " + failing.count()
                + (failing.count() == 1 ? " delivery was" : " deliveries were") + " given up since its last successful "
                + "delivery (last error: " + failing.lastError() + "); see GET /api/alerting/deliveries?status=FAILED"
                + "&receiver=" + receiver;
        return new AlertCandidate(Fingerprint.of(RULE, receiver), RULE, Severity.CRITICAL, Map.of(RECEIVER, receiver),
                summary);
    }
}
