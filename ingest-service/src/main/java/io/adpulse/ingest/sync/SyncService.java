package io.adpulse.ingest.sync;

import io.adpulse.ingest.connection.Connection;
import io.adpulse.ingest.connection.ConnectionRepository;
import io.adpulse.ingest.connection.ConnectionService;
import io.adpulse.ingest.token.AccessToken;
import io.adpulse.ingest.token.TokenOpeningException;
import io.adpulse.ingest.token.TransitKeyRing;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs syncs. Syncs never overlap on one connection: a poll skips a connection already being synced, while
 * a grant or an operator's request for it is deferred and runs once the current sync ends (it may have
 * started before the change the request is about). Connections whose tokens are equal are synced together, up to 100 at a time,
 * so that their advertisers are learnt in one {@code /advertiser/info/} call and their reports share calls (see
 * {@link ReportSync}): each one's entities first, then the report streams of all of them. Each connection's sync is
 * recorded as a run; one connection failing does not stop the others. A failure that means TikTok no
 * longer accepts the token ({@link TokenRejected}) also stops polling the connection until it is granted again.
 */
@Service
class SyncService {

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final ConnectionRepository connections;
    private final ConnectionService lifecycle;
    private final TransitKeyRing keyRing;
    private final TikTokApi api;
    private final SyncRunRepository runs;
    private final EntitySync entities;
    private final ReportSync reports;
    private final Clock clock;
    private final SyncRequests requests;
    private final SyncProgress progress;
    /** Connections being synced, each with the on-demand request deferred until its sync ends, if any. */
    private final Map<String, Claim> inFlight = new ConcurrentHashMap<>();

    SyncService(ConnectionRepository connections, ConnectionService lifecycle, TransitKeyRing keyRing, TikTokApi api,
            SyncRunRepository runs, EntitySync entities, ReportSync reports, SyncRequests requests,
            SyncProgress progress, Clock clock) {
        this.connections = connections;
        this.lifecycle = lifecycle;
        this.keyRing = keyRing;
        this.api = api;
        this.runs = runs;
        this.entities = entities;
        this.reports = reports;
        this.requests = requests;
        this.progress = progress;
        this.clock = clock;
    }

    Mono<Void> run(SyncRequest request) {
        if (request.reason() != SyncReason.SCHEDULE) {
            requests.takenUp(request.connectionIds());
        }
        return connections.findActive(request.connectionIds())
                .filter(connection -> connection.token() != null && claim(connection.id(), request))
                .collectList()
                .flatMap(claimed -> syncClaimed(claimed, request)
                        .doFinally(signal -> claimed.forEach(connection -> release(connection.id()))));
    }

    /** True if the connection was free and is now claimed; otherwise an on-demand request is deferred. */
    private boolean claim(String connectionId, SyncRequest request) {
        if (request.reason() == SyncReason.SCHEDULE && requests.queued(connectionId)) {
            // its on-demand sync (a grant's first) is about to run
            return false;
        }
        boolean[] claimed = {false};
        inFlight.compute(connectionId, (id, current) -> {
            if (current == null) {
                claimed[0] = true;
                return new Claim(null);
            }
            return request.reason() == SyncReason.SCHEDULE ? current : new Claim(request);
        });
        return claimed[0];
    }

    private void release(String connectionId) {
        Claim claim = inFlight.remove(connectionId);
        if (claim != null && claim.deferred() != null) {
            requests.request(connectionId, claim.deferred().reason(), claim.deferred().requestedBy());
        }
    }

    private Mono<Void> syncClaimed(List<Connection> claimed, SyncRequest request) {
        return Flux.fromIterable(claimed)
                .concatMap(connection -> {
                    Instant startedAt = clock.instant();
                    return runs.start(connection.id(), request, startedAt).map(runId -> {
                        Run run = new Run(connection, request.reason(), runId, new SyncTally());
                        progress.started(connection.id(), startedAt, run.tally());
                        return run;
                    });
                })
                .collectList()
                .flatMap(started -> {
                    Map<AccessToken, List<Run>> byToken = new LinkedHashMap<>();
                    List<Mono<Void>> unopened = new ArrayList<>();
                    for (Run run : started) {
                        try {
                            AccessToken token = keyRing.open(run.connection().token(), run.connection().id());
                            byToken.computeIfAbsent(token, t -> new ArrayList<>()).add(run);
                        } catch (TokenOpeningException e) {
                            unopened.add(finish(run, e));
                        }
                    }
                    return Flux.concat(unopened)
                            .thenMany(Flux.fromIterable(byToken.entrySet()))
                            .concatMap(group -> Flux.fromIterable(chunks(group.getValue()))
                                    .concatMap(chunk -> syncChunk(group.getKey(), chunk)))
                            .then();
                });
    }

    /**
     * One chunk of connections of one token: their advertisers in one call, then each connection's entities, then the
     * report streams of all of them together, so that their reports can share calls ({@link ReportSync}). Each run
     * finishes with its own outcome.
     */
    private Mono<Void> syncChunk(AccessToken token, List<Run> chunk) {
        return api.advertisers(chunk.stream().map(Run::origin).toList(), token)
                .map(list -> list.stream().collect(Collectors.toMap(AdvertiserInfo::advertiserId, Function.identity(),
                        (first, second) -> first)))
                .onErrorResume(e -> Flux.fromIterable(chunk).concatMap(run -> finish(run, e)).then(Mono.empty()))
                .flatMap(advertisers -> Flux.fromIterable(chunk)
                        .concatMap(run -> entities(run, token, advertisers.get(run.connection().advertiserId())))
                        .collectList()
                        .flatMap(ready -> reports(ready, token)));
    }

    /** The run's advertiser and entities; a run that fails here is finished at once and takes no part in the reports. */
    private Mono<Ready> entities(Run run, AccessToken token, AdvertiserInfo advertiser) {
        return Mono.defer(() -> {
                    if (advertiser == null) {
                        return Mono.error(new IllegalStateException("TikTok did not return advertiser "
                                + run.connection().advertiserId() + " for this connection's token"));
                    }
                    SyncScope scope = SyncScope.of(run.runId(), run.origin(), advertiser, clock);
                    return entities.sync(scope, token).map(census -> new Ready(run, new ReportSync.Member(scope, census)));
                })
                .onErrorResume(e -> finish(run, e).then(Mono.empty()));
    }

    private Mono<Void> reports(List<Ready> ready, AccessToken token) {
        if (ready.isEmpty()) {
            return Mono.empty();
        }
        return reports.sync(ready.stream().map(Ready::member).toList(), token)
                .onErrorResume(e -> Mono.just(ready.stream().collect(Collectors.toMap(
                        r -> r.run().connection().id(), r -> e, (first, second) -> first))))
                .flatMap(failures -> Flux.fromIterable(ready)
                        .concatMap(r -> finish(r.run(), failures.get(r.run().connection().id())))
                        .then());
    }

    private Mono<Void> finish(Run run, Throwable failure) {
        String error = null;
        if (failure != null) {
            error = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            log.warn("Sync of connection {} failed: {}", run.connection().id(), error);
        } else {
            log.info("Sync of connection {} succeeded: {} rows read, {} calls, {} events published",
                    run.connection().id(), run.tally().rows(), run.tally().calls(), run.tally().published());
        }
        Mono<Void> stopPolling = failure instanceof TokenRejected
                ? lifecycle.markNeedsReauth(run.connection(), error)
                : Mono.empty();
        progress.finished(run.connection().id(), run.tally(), failure != null);
        return stopPolling.then(runs.finish(run.runId(), run.tally(), error, clock.instant()));
    }

    private static List<List<Run>> chunks(List<Run> runs) {
        List<List<Run>> chunks = new ArrayList<>();
        for (int i = 0; i < runs.size(); i += TikTokApi.MAX_ADVERTISERS_PER_CALL) {
            chunks.add(runs.subList(i, Math.min(runs.size(), i + TikTokApi.MAX_ADVERTISERS_PER_CALL)));
        }
        return chunks;
    }

    /** A connection being synced, and the latest on-demand request that arrived meanwhile. */
    private record Claim(SyncRequest deferred) {
    }

    /** A run whose entities were read, ready for the report streams. */
    private record Ready(Run run, ReportSync.Member member) {
    }

    /** One connection's sync in progress. */
    private record Run(Connection connection, SyncReason reason, long runId, SyncTally tally) {

        CallOrigin origin() {
            return new CallOrigin(connection.id(), connection.advertiserId(), reason, tally);
        }
    }
}
