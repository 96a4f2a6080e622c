package io.adpulse.ingest.sync;

import io.adpulse.events.EntityLevel;
import io.adpulse.ingest.ledger.FactLedger;
import io.adpulse.ingest.ledger.Observation;
import io.adpulse.ingest.ledger.ObservationPublisher;
import io.adpulse.ingest.ledger.PublishedFact;
import io.adpulse.ingest.token.AccessToken;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Snapshots the advertiser and all its campaigns, ad groups and ads, deleted ones included. TikTok has no
 * "modified since" filter, so every sync lists them all (1000 per page) and the ledger decides what
 * changed: a budget, budget mode, status, name or schedule change publishes one new snapshot, an unchanged
 * entity nothing. This is the sync's only entity fetch; the {@link EntityCensus} it returns serves the
 * report streams. Entities of one level are published several at a time; each is a distinct fact and
 * sends are issued in the order TikTok listed them.
 */
@Component
class EntitySync {

    /** The levels listed below the advertiser, parents first. */
    static final List<EntityLevel> LISTED_LEVELS = List.of(EntityLevel.CAMPAIGN, EntityLevel.ADGROUP, EntityLevel.AD);

    /** Entities being published at once. */
    private static final int PUBLISH_CONCURRENCY = 16;

    private final TikTokApi api;
    private final FactLedger ledger;
    private final ObservationPublisher publisher;
    private final WatermarkRepository watermarks;

    EntitySync(TikTokApi api, FactLedger ledger, ObservationPublisher publisher, WatermarkRepository watermarks) {
        this.api = api;
        this.ledger = ledger;
        this.publisher = publisher;
        this.watermarks = watermarks;
    }

    Mono<EntityCensus> sync(SyncScope scope, AccessToken token) {
        SyncTally tally = scope.origin().tally();
        EntityCensus census = new EntityCensus();
        return ledger.entities(scope.advertiserId())
                .flatMap(known -> {
                    tally.rowRead();
                    return publish(Observations.advertiser(scope), known, tally)
                            .thenMany(Flux.fromIterable(LISTED_LEVELS))
                            .concatMap(level -> api.entities(scope.origin(), token, level)
                                    .doOnNext(entity -> {
                                        tally.rowRead();
                                        census.counted(entity.level());
                                    })
                                    .flatMap(entity -> publish(Observations.entity(entity, scope), known, tally),
                                            PUBLISH_CONCURRENCY))
                            .then();
                })
                .then(watermarks.advance(scope.connectionId(), WatermarkRepository.ENTITIES, scope.observedAt(), null))
                .thenReturn(census);
    }

    private Mono<Void> publish(Observation<?> observation, Map<String, PublishedFact> known, SyncTally tally) {
        return publisher.publishIfChanged(observation, known)
                .doOnNext(published -> {
                    if (published) {
                        tally.eventPublished();
                    }
                })
                .then();
    }
}
