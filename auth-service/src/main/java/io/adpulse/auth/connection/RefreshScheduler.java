package io.adpulse.auth.connection;

import io.adpulse.auth.config.AuthProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every {@code adpulse.auth.refresh.check-interval}, refreshes the creator connections whose refresh
 * is due (set ahead of expiry with jitter when the tokens were stored), one at a time. Several
 * instances may run it: the refresh lease keeps them from refreshing the same connection twice.
 */
@Component
class RefreshScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RefreshScheduler.class);

    private final ConnectionRepository connections;
    private final RefreshService refreshes;
    private final AuthProperties.Refresh settings;
    private final Clock clock;
    private volatile Disposable rounds;

    RefreshScheduler(ConnectionRepository connections, RefreshService refreshes, AuthProperties properties,
            Clock clock) {
        this.connections = connections;
        this.refreshes = refreshes;
        this.settings = properties.refresh();
        this.clock = clock;
    }

    @Override
    public void start() {
        rounds = Flux.interval(settings.checkInterval(), settings.checkInterval())
                .onBackpressureDrop()
                .concatMap(tick -> refreshDue().onErrorResume(e -> {
                    log.warn("Token refresh round failed, retrying on the next round: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    /** Refreshes every connection that is due now; emits how many were attempted. */
    Mono<Long> refreshDue() {
        // Ids are read completely first, so no result stream stays open on a pooled connection while the
        // refreshes (and their calls to TikTok) run.
        return connections.findDueForRefresh(clock.instant(), settings.batchSize())
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(id -> refreshes.refresh(id).onErrorResume(e -> {
                    log.warn("Refreshing connection {} failed: {}", id, e.toString());
                    return Mono.empty();
                }))
                .count();
    }

    @Override
    public void stop() {
        Disposable current = rounds;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable current = rounds;
        return current != null && !current.isDisposed();
    }
}
