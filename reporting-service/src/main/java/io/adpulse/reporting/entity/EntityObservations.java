package io.adpulse.reporting.entity;

import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Applies entity observations to the entity state.
 *
 * <p>Rules: the state of an entity is that of its most recent observation ({@code observedAt}); an older
 * observation delivered late, or the same one delivered again, changes nothing, so redelivery and
 * reordering never roll state back. A deleted entity keeps its row with {@code deleted = true}.
 * Idempotency rests on the natural key plus {@code observedAt} rather than on a table of processed event
 * ids, for the reasons given on {@code MetricObservations}: the guard also covers reordering, which
 * event ids cannot.
 *
 * <p>A tombstone on the compacted topic carries no observation: it only lets Kafka compact the key away.
 * Reports keep the history they have; erasing an account's data is the job of privacy requests.
 */
@Service
class EntityObservations {

    private static final Logger log = LoggerFactory.getLogger(EntityObservations.class);

    enum Outcome { APPLIED, STALE, TOMBSTONE }

    private final EntityStateRepository repository;
    private final MeterRegistry meters;

    EntityObservations(EntityStateRepository repository, MeterRegistry meters) {
        this.repository = repository;
        this.meters = meters;
    }

    Mono<Outcome> apply(EventEnvelope<EntityObserved> event) {
        EntityState state = EntityState.from(event);
        return repository.upsertIfNewer(state)
                .map(stored -> stored ? Outcome.APPLIED : Outcome.STALE)
                .doOnNext(outcome -> {
                    count(outcome);
                    log.debug("entity {} {} of advertiser {} observed at {}: {}", state.level(), state.entityId(),
                            state.advertiserId(), state.observedAt(), outcome);
                });
    }

    Mono<Outcome> tombstone(String key) {
        return Mono.fromSupplier(() -> {
            count(Outcome.TOMBSTONE);
            log.info("tombstone for key {} on the entities topic: entity history is kept", key);
            return Outcome.TOMBSTONE;
        });
    }

    private void count(Outcome outcome) {
        meters.counter("adpulse.reporting.observations", "kind", "entity", "outcome", outcome.name().toLowerCase())
                .increment();
    }
}
