package io.adpulse.alerting.health.evaluation;

import io.adpulse.alerting.health.store.HealthStore;
import io.adpulse.events.ApiErrorOccurred;
import io.adpulse.events.ConnectionGranted;
import io.adpulse.events.ConnectionRevoked;
import io.adpulse.events.InvalidEventException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Takes in connection events, API errors and the arrival of metric observations: keeps what the health rules need
 * and evaluates what the event may have changed, at the current instant of the injected clock.
 */
@Service
public class HealthIntake {

    private final HealthStore store;
    private final HealthEvaluator evaluator;
    private final Clock clock;

    HealthIntake(HealthStore store, HealthEvaluator evaluator, Clock clock) {
        this.store = store;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    public Mono<Void> granted(ConnectionGranted grant) {
        require(grant.connectionId() != null && grant.grantedAt() != null, "a grant needs a connection id and time");
        return store.granted(grant).then(Mono.defer(() -> evaluator.evaluateConnection(grant.connectionId(),
                clock.instant())));
    }

    public Mono<Void> revoked(ConnectionRevoked revocation) {
        require(revocation.connectionId() != null && revocation.revokedAt() != null,
                "a revocation needs a connection id and time");
        return store.revoked(revocation).then(Mono.defer(() -> evaluator.evaluateConnection(revocation.connectionId(),
                clock.instant())));
    }

    public Mono<Void> removed(String connectionId) {
        Instant now = clock.instant();
        return store.removed(connectionId, now).then(Mono.defer(() -> evaluator.evaluateConnection(connectionId, now)));
    }

    /**
     * An API error, counted once however often its event is delivered: a call declined by the endpoint's open circuit
     * breaker is judged by {@code circuit-open}, any other error by {@code api-error-rate}.
     */
    public Mono<Void> apiError(String eventId, ApiErrorOccurred error) {
        require(error.connectionId() != null && error.endpoint() != null && error.occurredAt() != null,
                "an API error needs a connection id, an endpoint and a time");
        if (error.circuitOpen()) {
            return store.apiError(eventId, error).then(Mono.defer(() -> evaluator.evaluateCircuit(error.endpoint(),
                    clock.instant())));
        }
        return store.apiError(eventId, error).then(Mono.defer(() -> evaluator.evaluateEndpoint(error.connectionId(),
                error.endpoint(), clock.instant())));
    }

    /** A metric observation read through {@code connectionId} arrived: the connection syncs. */
    public Mono<Void> metricSeen(String connectionId, Instant observedAt) {
        if (connectionId == null || observedAt == null) {
            return Mono.empty();
        }
        return store.metricSeen(connectionId, observedAt)
                .then(Mono.defer(() -> evaluator.evaluateSyncStaleIfFiring(connectionId, clock.instant())));
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new InvalidEventException(message);
        }
    }
}
