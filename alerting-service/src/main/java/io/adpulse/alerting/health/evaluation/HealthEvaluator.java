package io.adpulse.alerting.health.evaluation;

import io.adpulse.alerting.alert.domain.AlertLifecycle;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.health.domain.ApiErrorRateRule;
import io.adpulse.alerting.health.domain.CircuitOpenRule;
import io.adpulse.alerting.health.domain.ConnectionState;
import io.adpulse.alerting.health.domain.HealthLabels;
import io.adpulse.alerting.health.domain.NeedsReauthRule;
import io.adpulse.alerting.health.domain.SyncStaleRule;
import io.adpulse.alerting.health.domain.TokenExpiringRule;
import io.adpulse.alerting.health.store.HealthStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the API-health rules and hands each result to the alert lifecycle (one locked transaction per rule and
 * scope). What is evaluated: a connection's rules after an event about it; one connection and endpoint after an
 * API error; and, on the clock, every connection that is not removed, every endpoint with errors in the window, and
 * everything with a firing alert, so that alerts resolve when errors calm down or time passes.
 */
@Service
class HealthEvaluator {

    private static final Logger log = LoggerFactory.getLogger(HealthEvaluator.class);

    private final HealthStore store;
    private final ApiErrorRateRule apiErrors;
    private final SyncStaleRule syncStale;
    private final NeedsReauthRule needsReauth;
    private final TokenExpiringRule tokenExpiring;
    private final CircuitOpenRule circuitOpen;
    private final AlertLifecycle lifecycle;

    HealthEvaluator(HealthStore store, ApiErrorRateRule apiErrors, SyncStaleRule syncStale, NeedsReauthRule needsReauth,
            TokenExpiringRule tokenExpiring, CircuitOpenRule circuitOpen, AlertLifecycle lifecycle) {
        this.circuitOpen = circuitOpen;
        this.store = store;
        this.apiErrors = apiErrors;
        this.syncStale = syncStale;
        this.needsReauth = needsReauth;
        this.tokenExpiring = tokenExpiring;
        this.lifecycle = lifecycle;
    }

    /** The connection's rules, then its endpoints' error rates (their judgement depends on the connection). */
    Mono<Void> evaluateConnection(String connectionId, Instant now) {
        return connectionRules(connectionId, now)
                .then(Mono.defer(() -> sweepEndpoints(Flux.concat(
                        store.endpointsWithErrors(now.minus(apiErrors.settings().window()), now, connectionId),
                        firingEndpoints(HealthLabels.connection(connectionId))), now)));
    }

    private Mono<Void> connectionRules(String connectionId, Instant now) {
        return connectionRule(SyncStaleRule.NAME, connectionId, syncStale::evaluate, syncStale::forgotten, now)
                .then(Mono.defer(() -> connectionRule(NeedsReauthRule.NAME, connectionId, needsReauth::evaluate,
                        needsReauth::forgotten, now)))
                .then(Mono.defer(() -> connectionRule(TokenExpiringRule.NAME, connectionId, tokenExpiring::evaluate,
                        tokenExpiring::forgotten, now)));
    }

    /** Only {@code sync-stale}, after a metric observation, when it has an alert to resolve. */
    Mono<Void> evaluateSyncStaleIfFiring(String connectionId, Instant now) {
        return lifecycle.firingLabels(SyncStaleRule.NAME, HealthLabels.connection(connectionId)).hasElements()
                .flatMap(firing -> firing ? connectionRule(SyncStaleRule.NAME, connectionId, syncStale::evaluate,
                        syncStale::forgotten, now) : Mono.empty());
    }

    Mono<Void> evaluateEndpoint(String connectionId, String endpoint, Instant now) {
        Mono<Evaluation> evaluation = store.errors(connectionId, endpoint, now.minus(apiErrors.settings().window()), now)
                .flatMap(window -> store.connection(connectionId)
                        .map(connection -> apiErrors.evaluate(window, connection, now))
                        .switchIfEmpty(Mono.fromSupplier(() -> apiErrors.evaluate(window, null, now))));
        return lifecycle.evaluate(ApiErrorRateRule.NAME, ApiErrorRateRule.scope(connectionId, endpoint), evaluation, now);
    }

    /** The {@code circuit-open} rule of one endpoint, app-wide. */
    Mono<Void> evaluateCircuit(String endpoint, Instant now) {
        Mono<Evaluation> evaluation = store.circuitRejections(endpoint, now.minus(circuitOpen.window()), now)
                .map(circuitOpen::evaluate);
        return lifecycle.evaluate(CircuitOpenRule.NAME, CircuitOpenRule.scope(endpoint), evaluation, now);
    }

    /** Every endpoint whose circuit declined a call within the window or whose {@code circuit-open} alert fires. */
    private Mono<Void> sweepCircuits(Instant now) {
        return store.endpointsWithOpenCircuit(now.minus(circuitOpen.window()), now)
                .flatMap(recent -> lifecycle.firingLabels(CircuitOpenRule.NAME, Map.of())
                        .map(labels -> labels.get(HealthLabels.ENDPOINT)).collectList()
                        .map(firing -> Stream.concat(recent.stream(), firing.stream())
                                .distinct().toList()))
                .flatMapMany(Flux::fromIterable)
                .concatMap(endpoint -> evaluateCircuit(endpoint, now).onErrorResume(e -> {
                    log.warn("circuit-open evaluation of endpoint {} failed: {}", endpoint, e.toString());
                    return Mono.empty();
                }))
                .then();
    }

    /** The clock's sweep; a connection or endpoint whose evaluation fails is logged and the sweep goes on. */
    Mono<Void> evaluateAll(Instant now) {
        Flux<String> connections = Flux.concat(store.connections(), firingConnections()).distinct();
        return connections.concatMap(id -> connectionRules(id, now).onErrorResume(e -> {
                    log.warn("health evaluation of connection {} failed: {}", id, e.toString());
                    return Mono.empty();
                }))
                .then(Mono.defer(() -> sweepEndpoints(Flux.concat(
                        store.endpointsWithErrors(now.minus(apiErrors.settings().window()), now, null),
                        firingEndpoints(Map.of())), now)))
                .then(Mono.defer(() -> sweepCircuits(now)));
    }

    private Mono<Void> connectionRule(String rule, String connectionId,
            BiFunction<ConnectionState, Instant, Evaluation> evaluate,
            Function<String, Evaluation> forgotten, Instant now) {
        Mono<Evaluation> evaluation = store.connection(connectionId)
                .map(connection -> evaluate.apply(connection, now))
                .switchIfEmpty(Mono.fromSupplier(() -> forgotten.apply(connectionId)));
        return lifecycle.evaluate(rule, HealthLabels.connection(connectionId), evaluation, now);
    }

    private Flux<String> firingConnections() {
        return Flux.fromIterable(List.of(SyncStaleRule.NAME, NeedsReauthRule.NAME, TokenExpiringRule.NAME))
                .concatMap(rule -> lifecycle.firingLabels(rule, Map.of()))
                .map(labels -> labels.get(HealthLabels.CONNECTION_ID));
    }

    private Flux<String[]> firingEndpoints(Map<String, String> scope) {
        return lifecycle.firingLabels(ApiErrorRateRule.NAME, scope)
                .map(labels -> new String[] {labels.get(HealthLabels.CONNECTION_ID), labels.get(HealthLabels.ENDPOINT)});
    }

    private Mono<Void> sweepEndpoints(Flux<String[]> endpoints, Instant now) {
        return endpoints.distinct(pair -> pair[0] + '\u001f' + pair[1])
                .concatMap(pair -> evaluateEndpoint(pair[0], pair[1], now).onErrorResume(e -> {
                    log.warn("api-error-rate evaluation of connection {} endpoint {} failed: {}", pair[0], pair[1],
                            e.toString());
                    return Mono.empty();
                }))
                .then();
    }

}
