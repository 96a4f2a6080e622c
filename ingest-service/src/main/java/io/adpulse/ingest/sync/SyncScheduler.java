package io.adpulse.ingest.sync;

import io.adpulse.ingest.config.IngestSettings;
import io.adpulse.ingest.connection.ConnectionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drives every sync: each poll interval all active connections are synced together (so advertisers that
 * share a token share {@code /advertiser/info/} calls), and on-demand requests run as they arrive. At
 * most {@code sync-concurrency} requests run at once; a tick that finds every slot busy is skipped rather
 * than queued, so a slow TikTok never builds a backlog of polls. The one subscription lives from start
 * to stop of the application context.
 */
@Component
class SyncScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

    private final IngestSettings settings;
    private final ConnectionRepository connections;
    private final SyncRequests requests;
    private final SyncService syncs;
    private volatile Disposable subscription;

    SyncScheduler(IngestSettings settings, ConnectionRepository connections, SyncRequests requests, SyncService syncs) {
        this.settings = settings;
        this.connections = connections;
        this.requests = requests;
        this.syncs = syncs;
    }

    @Override
    public void start() {
        Flux<SyncRequest> polls = Flux.interval(settings.pollInterval(), settings.pollInterval())
                .onBackpressureDrop(tick -> log.warn("Poll skipped: every sync slot is still busy"))
                .concatMap(tick -> connections.activeIds()
                        .filter(ids -> !ids.isEmpty())
                        .map(ids -> new SyncRequest(ids, SyncReason.SCHEDULE, "system"))
                        .onErrorResume(e -> {
                            log.error("Poll skipped: active connections could not be read", e);
                            return Mono.empty();
                        }), 0);
        subscription = Flux.merge(1, polls, requests.requests())
                .flatMap(request -> syncs.run(request)
                        .onErrorResume(e -> {
                            log.error("Sync of {} failed", request.connectionIds(), e);
                            return Mono.empty();
                        }), settings.syncConcurrency())
                .subscribe();
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
