package io.adpulse.ingest.ledger;

import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.OrganicVideoObserved;
import io.adpulse.ingest.publish.EventPublisher;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes an observation only if its values differ from the last published ones, then records it.
 *
 * <p>The event id is derived from the fact key, the value hash and the id of the event it supersedes.
 * Re-publishing the same change after a crash gives the same id, so consumers recognise the duplicate;
 * a value that changes back (A, B, then A again) gets a new id, because the third event supersedes the
 * second, so consumers that deduplicate by id do not drop it.
 */
@Component
public class ObservationPublisher {

    private static final String FIRST = "first";

    private final EventPublisher publisher;
    private final FactLedger ledger;

    ObservationPublisher(EventPublisher publisher, FactLedger ledger) {
        this.publisher = publisher;
        this.ledger = ledger;
    }

    /**
     * Publishes {@code observation} unless {@code known} (the facts last published,
     * loaded by the caller for this sync) holds the same values; updates {@code known}. True if published.
     */
    public <T extends Record> Mono<Boolean> publishIfChanged(Observation<T> observation, Map<String, PublishedFact> known) {
        String hash = Canonical.sha256(observation.canonicalValue());
        PublishedFact previous = known.get(observation.factKey());
        if (previous != null && previous.valueHash().equals(hash)) {
            return Mono.just(false);
        }
        EventEnvelope<T> event = EventEnvelope.of(EventPublisher.SOURCE, subject(observation),
                observation.observedAt(), observation.data(), observation.factKey(), hash,
                previous == null ? FIRST : previous.eventId());
        PublishedFact fact = new PublishedFact(observation.factKey(), observation.advertiserId(),
                observation.statDate(), hash, event.id(), observation.observedAt());
        return publisher.publish(event)
                .then(ledger.record(fact))
                .then(Mono.fromRunnable(() -> known.put(fact.factKey(), fact)))
                .thenReturn(true);
    }

    /**
     * The event's subject, which is also its record key: an entity snapshot goes under its own
     * {@link EntityObserved#stateKey()} so that compaction of {@code tiktok.entities.v1} keeps every entity's latest
     * snapshot; an organic video goes under its creator connection (the key of {@code tiktok.organic.v1}); a metric
     * goes under its advertiser so that one account's metrics stay in order on one partition.
     */
    static String subject(Observation<?> observation) {
        if (observation.data() instanceof EntityObserved entity) {
            return entity.stateKey();
        }
        if (observation.data() instanceof OrganicVideoObserved organic) {
            return organic.connectionId();
        }
        return observation.advertiserId();
    }
}
