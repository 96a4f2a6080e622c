package io.adpulse.ingest.organic;

import io.adpulse.events.OrganicVideoObserved;
import io.adpulse.ingest.connection.Connection;
import io.adpulse.ingest.connection.ConnectionService;
import io.adpulse.ingest.ledger.Canonical;
import io.adpulse.ingest.ledger.FactLedger;
import io.adpulse.ingest.ledger.Observation;
import io.adpulse.ingest.ledger.ObservationPublisher;
import io.adpulse.ingest.ledger.PublishedFact;
import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.sync.SyncReason;
import io.adpulse.ingest.sync.SyncTally;
import io.adpulse.ingest.sync.TokenRejected;
import io.adpulse.ingest.token.AccessToken;
import io.adpulse.ingest.token.TransitKeyRing;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * One poll of a creator connection: every video through the Display API (all cursor pages), each published as
 * {@code OrganicVideoObserved} on {@code tiktok.organic.v1} only when its counts (or which counts are missing)
 * changed since the last published observation, through the same ledger the report sync uses. A token TikTok
 * rejects stops polling the connection until a grant with a new token arrives; auth-service learns of it from the
 * API error the adapter publishes and refreshes the token.
 */
@Service
class OrganicSync {

    /** Prefix of organic fact keys in the ledger: {@code organic|<connection id>|<video id>}. */
    static final String FACT_PREFIX = "organic";

    private static final Logger log = LoggerFactory.getLogger(OrganicSync.class);

    private final DisplayApi api;
    private final TransitKeyRing keyRing;
    private final FactLedger ledger;
    private final ObservationPublisher publisher;
    private final ConnectionService lifecycle;
    private final Clock clock;

    OrganicSync(DisplayApi api, TransitKeyRing keyRing, FactLedger ledger, ObservationPublisher publisher,
            ConnectionService lifecycle, Clock clock) {
        this.api = api;
        this.keyRing = keyRing;
        this.ledger = ledger;
        this.publisher = publisher;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** Polls the creator connection's videos; completes empty whatever the outcome (failures are logged). */
    Mono<Void> poll(Connection connection, SyncReason reason) {
        SyncTally tally = new SyncTally();
        CallOrigin origin = new CallOrigin(connection.id(), connection.advertiserId(), reason, tally);
        Instant observedAt = clock.instant();
        long[] counts = new long[2];
        return Mono.fromCallable(() -> keyRing.open(connection.token(), connection.id()))
                .flatMap(token -> ledger.facts(connection.advertiserId(), factPrefix(connection.id()))
                        .flatMap(known -> publishAll(connection, origin, token, known, observedAt, counts)))
                .doOnSuccess(done -> log.info("Organic poll of {}: {} videos read, {} changed, {} calls",
                        connection.id(), counts[0], counts[1], tally.calls()))
                .onErrorResume(e -> {
                    String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    log.warn("Organic poll of {} failed: {}", connection.id(), error);
                    return e instanceof TokenRejected ? lifecycle.markNeedsReauth(connection, error) : Mono.empty();
                });
    }

    private Mono<Void> publishAll(Connection connection, CallOrigin origin, AccessToken token,
            Map<String, PublishedFact> known, Instant observedAt, long[] counts) {
        return api.videos(origin, token)
                .concatMap(video -> {
                    counts[0]++;
                    return publisher.publishIfChanged(observation(connection, video, observedAt), known);
                })
                .doOnNext(published -> {
                    if (published) {
                        counts[1]++;
                    }
                })
                .then();
    }

    static Observation<OrganicVideoObserved> observation(Connection connection, OrganicVideo video, Instant observedAt) {
        OrganicVideoObserved data = new OrganicVideoObserved(connection.id(), connection.advertiserId(),
                video.videoId(), video.createTime(), video.title(), video.description(), video.shareUrl(),
                video.durationSeconds(), new TreeMap<>(video.counts()), List.copyOf(video.missing()), observedAt);
        String value = Canonical.of(data.counts(), data.missing());
        return new Observation<>(factPrefix(connection.id()) + video.videoId(), connection.advertiserId(), null, value,
                observedAt, data);
    }

    static String factPrefix(String connectionId) {
        return FACT_PREFIX + "|" + connectionId + "|";
    }
}
