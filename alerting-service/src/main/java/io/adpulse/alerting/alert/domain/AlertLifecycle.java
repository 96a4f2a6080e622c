package io.adpulse.alerting.alert.domain;

import io.adpulse.alerting.alert.outbox.Outbox;
import io.adpulse.events.AlertFired;
import io.adpulse.events.AlertResolved;
import io.adpulse.events.EventEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The alert lifecycle, the same for every rule:
 * <ul>
 *   <li>a condition that becomes true is stored FIRING and {@code AlertFired} is published;</li>
 *   <li>while it stays true nothing new happens, however often it is evaluated (redeliveries,
 *       restatements, clock ticks);</li>
 *   <li>when it clears it is stored RESOLVED and {@code AlertResolved} is published.</li>
 * </ul>
 * Each evaluation of a scope runs in one transaction that first takes an advisory lock on the rule and
 * scope, then reads what the rule needs, then writes the alert rows and their events to the outbox. So
 * evaluations of one scope are serialized across threads and instances (the later one sees what the
 * earlier committed), and an alert's state and its event are committed together or not at all.
 */
@Service
public class AlertLifecycle {

    static final String SOURCE = "/adpulse/alerting-service";
    private static final Logger log = LoggerFactory.getLogger(AlertLifecycle.class);

    private final AlertRepository alerts;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final ApplicationEventPublisher events;

    AlertLifecycle(AlertRepository alerts, Outbox outbox, TransactionalOperator transactions,
            ApplicationEventPublisher events) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * Evaluates one scope exclusively and applies the result. {@code evaluation} is subscribed inside the
     * transaction, after the lock is held, so the reads it makes are current. Once an alert fired or resolved and
     * the transaction committed, {@link AlertsChanged} is published.
     */
    public Mono<Void> evaluate(String rule, Map<String, String> scope, Mono<Evaluation> evaluation, Instant now) {
        return transactions.transactional(alerts.lockScope(rule, scope)
                        .then(evaluation)
                        .flatMap(result -> apply(rule, scope, result, now)))
                .doOnNext(changed -> {
                    if (changed) {
                        events.publishEvent(new AlertsChanged());
                    }
                })
                .then();
    }

    /** Labels of the firing alerts of {@code rule} within {@code scope}: what a sweep must look at again. */
    public Flux<Map<String, String>> firingLabels(String rule, Map<String, String> scope) {
        return alerts.firingLabels(rule, scope);
    }

    /** Applies the evaluation; emits whether an alert fired or resolved. */
    private Mono<Boolean> apply(String rule, Map<String, String> scope, Evaluation evaluation, Instant now) {
        if (!evaluation.rule().equals(rule) || !evaluation.scope().equals(scope)) {
            return Mono.error(new IllegalArgumentException("evaluation of " + evaluation.rule() + " "
                    + evaluation.scope() + " applied to " + rule + " " + scope));
        }
        return alerts.findFiring(rule, scope).collectList().flatMap(firing -> {
            Set<String> active = evaluation.active().stream().map(AlertCandidate::fingerprint).collect(Collectors.toSet());
            Set<String> alreadyFiring = firing.stream().map(Alert::fingerprint).collect(Collectors.toSet());
            List<Alert> cleared = firing.stream().filter(a -> !active.contains(a.fingerprint())).toList();
            List<AlertCandidate> fresh = evaluation.active().stream()
                    .filter(c -> !alreadyFiring.contains(c.fingerprint())).toList();
            return Flux.fromIterable(cleared)
                    .concatMap(alert -> resolve(alert, evaluation.resolution().apply(alert.labels()), now))
                    .thenMany(Flux.fromIterable(fresh).concatMap(candidate -> fire(candidate, now)))
                    .then(Mono.just(!cleared.isEmpty() || !fresh.isEmpty()));
        });
    }

    private Mono<Void> fire(AlertCandidate candidate, Instant now) {
        AlertFired fired = new AlertFired(candidate.fingerprint(), candidate.rule(), candidate.severity().wireValue(),
                candidate.labels(), candidate.summary(), now);
        return alerts.insertFiring(candidate, now)
                .then(outbox.append(EventEnvelope.of(SOURCE, candidate.fingerprint(), now, fired,
                        candidate.fingerprint(), now)))
                .doOnSuccess(ignored -> log.info("alert {} {} firing: {}", candidate.rule(), candidate.fingerprint(),
                        candidate.summary()));
    }

    private Mono<Void> resolve(Alert alert, String resolution, Instant now) {
        AlertResolved resolved = new AlertResolved(alert.fingerprint(), alert.rule(), alert.labels(), resolution, now);
        return alerts.resolve(alert.id(), resolution, now)
                .filter(Boolean::booleanValue)
                .flatMap(updated -> outbox.append(EventEnvelope.of(SOURCE, alert.fingerprint(), now, resolved,
                        alert.fingerprint(), now)))
                .doOnSuccess(ignored -> log.info("alert {} {} resolved: {}", alert.rule(), alert.fingerprint(),
                        resolution));
    }
}
