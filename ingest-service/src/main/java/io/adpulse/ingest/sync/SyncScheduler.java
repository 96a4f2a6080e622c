package io.adpulse.ingest.sync;

import io.adpulse.ingest.config.IngestSettings;
import io.adpulse.ingest.connection.ConnectionRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drives every sync: each poll interval all active connections are synced together (so advertisers that
 * share a token share {@code /advertiser/info/} calls), and on-demand requests (a new grant's backfill, an
 * operator's request) run as they arrive, those arriving within {@code on-demand-batch-wait} of each other together. Fresh data of live accounts comes first: the poll has a lane of its
 * own, so it never waits for a slot behind backfills, and backfilling calls get only a share of the app's QPS
 * (see {@code TikTokResilience}). At most {@code sync-concurrency} polls and as many on-demand requests run at
 * once; a tick that finds every poll slot busy is skipped rather than queued, so a slow TikTok never builds a
 * backlog of polls. The one subscription lives from start
 * to stop of the application context. On start, runs left "running" by a crash or a shutdown are recorded
 * as interrupted first; their report streams resume after their last finished window.
 */
@Component
class SyncScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);
    /** The most on-demand requests batched at once. */
    private static final int BATCH_MAX = 256;

    private final IngestSettings settings;
    private final ConnectionRepository connections;
    private final SyncRequests requests;
    private final SyncService syncs;
    private final SyncRunRepository runs;
    private final Clock clock;
    private volatile Disposable subscription;

    SyncScheduler(IngestSettings settings, ConnectionRepository connections, SyncRequests requests, SyncService syncs,
            SyncRunRepository runs, Clock clock) {
        this.settings = settings;
        this.connections = connections;
        this.requests = requests;
        this.syncs = syncs;
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public void start() {
        Flux<SyncRequest> polls = Flux.interval(settings.pollInterval(), settings.pollInterval())
                .onBackpressureDrop(tick -> log.warn("Poll skipped: every poll slot is still busy"))
                .concatMap(tick -> connections.activeIds()
                        .filter(ids -> !ids.isEmpty())
                        .map(ids -> new SyncRequest(ids, SyncReason.SCHEDULE, "system"))
                        .onErrorResume(e -> {
                            log.error("Poll skipped: active connections could not be read", e);
                            return Mono.empty();
                        }), 0);
        Mono<Void> interrupted = Mono.defer(() -> runs.interruptRunning(clock.instant()))
                .doOnNext(count -> {
                    if (count > 0) {
                        log.warn("{} sync run(s) were cut off by the previous stop; recorded as interrupted", count);
                    }
                })
                .onErrorResume(e -> {
                    log.error("Interrupted sync runs could not be recorded", e);
                    return Mono.empty();
                })
                .then();
        // Two lanes: polls of live accounts never wait for a slot behind backfills and operators' requests. Polls
        // may overlap (a poll skips connections still syncing), so one slow connection does not stop the others.
        Flux<Void> polling = polls.flatMap(this::run, settings.syncConcurrency());
        Flux<Void> onDemand = batched(requests.requests()).flatMap(this::run, settings.syncConcurrency());
        subscription = interrupted.thenMany(Flux.merge(polling, onDemand)).subscribe();
    }

    /**
     * On-demand requests that arrive within {@code on-demand-batch-wait} of the first of them run together: one request
     * per reason and actor, with all their connections (so the grants of one authorisation, one per advertiser, share
     * their TikTok calls). A wait of zero runs each request as it comes.
     */
    private Flux<SyncRequest> batched(Flux<SyncRequest> requests) {
        if (settings.onDemandBatchWait().isZero()) {
            return requests;
        }
        return requests.bufferTimeout(BATCH_MAX, settings.onDemandBatchWait(), true)
                .concatMapIterable(SyncScheduler::merge);
    }

    /** Requests of the same reason and actor as one, connections in order of arrival, each once. */
    static List<SyncRequest> merge(List<SyncRequest> batch) {
        Map<List<Object>, LinkedHashSet<String>> merged = new LinkedHashMap<>();
        for (SyncRequest request : batch) {
            merged.computeIfAbsent(List.of(request.reason(), request.requestedBy()), key -> new LinkedHashSet<>())
                    .addAll(request.connectionIds());
        }
        return merged.entrySet().stream()
                .map(e -> new SyncRequest(List.copyOf(e.getValue()), (SyncReason) e.getKey().get(0),
                        (String) e.getKey().get(1)))
                .toList();
    }

    private Mono<Void> run(SyncRequest request) {
        return syncs.run(request)
                .onErrorResume(e -> {
                    log.error("Sync of {} failed", request.connectionIds(), e);
                    return Mono.empty();
                });
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        subscription = null;
    }

    @Override
    public boolean isRunning() {
        return subscription != null && !subscription.isDisposed();
    }
}
