package io.adpulse.ingest.sync;

import io.adpulse.ingest.ledger.FactLedger;
import io.adpulse.ingest.ledger.Observation;
import io.adpulse.ingest.ledger.ObservationPublisher;
import io.adpulse.ingest.ledger.PublishedFact;
import io.adpulse.ingest.token.AccessToken;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Snapshots the advertiser and all its campaigns, deleted ones included. TikTok has no "modified since"
 * filter, so every sync reads them all and the ledger decides what changed. Campaigns are published several
 * at a time; each is a distinct fact and sends are issued in the order TikTok listed them.
 */
@Component
class EntitySync {

    /** Campaigns being published at once. */
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

    Mono<Void> sync(SyncScope scope, AccessToken token) {
        SyncTally tally = scope.origin().tally();
        return ledger.entities(scope.advertiserId())
                .flatMap(known -> {
                    tally.rowRead();
                    return publish(Observations.advertiser(scope), known, tally)
                            .thenMany(api.campaigns(scope.origin(), token))
                            .doOnNext(campaign -> tally.rowRead())
                            .flatMap(campaign -> publish(Observations.campaign(campaign, scope), known, tally),
                                    PUBLISH_CONCURRENCY)
                            .then();
                })
                .then(watermarks.advance(scope.connectionId(), WatermarkRepository.ENTITIES, scope.observedAt(), null));
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
