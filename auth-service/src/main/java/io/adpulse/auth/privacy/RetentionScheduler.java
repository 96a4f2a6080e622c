package io.adpulse.auth.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every {@code adpulse.auth.privacy.retention-check-interval}, requests the erasure of the data of connections
 * disconnected more than {@code retention-after-disconnect} ago (default 90 days) that have none yet. Several
 * instances may run it at once: the worst case is a second request for the same connection, which every service
 * handles as a no-op.
 */
@Component
class RetentionScheduler implements SmartLifecycle {

    /** Connections handled per round. */
    static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);

    private final ErasureService erasures;
    private final PrivacyProperties settings;
    private volatile Disposable rounds;

    RetentionScheduler(ErasureService erasures, PrivacyProperties settings) {
        this.erasures = erasures;
        this.settings = settings;
    }

    @Override
    public void start() {
        rounds = Flux.interval(settings.retentionCheckInterval(), settings.retentionCheckInterval())
                .onBackpressureDrop()
                .concatMap(tick -> erasures.eraseExpired(BATCH)
                        .doOnNext(requested -> {
                            if (requested > 0) {
                                log.info("Retention: requested the erasure of {} disconnected connection(s)",
                                        requested);
                            }
                        })
                        .onErrorResume(e -> {
                            log.warn("Retention round failed, retrying on the next round: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
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
