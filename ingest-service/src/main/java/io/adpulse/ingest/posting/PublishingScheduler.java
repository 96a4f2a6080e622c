package io.adpulse.ingest.posting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every {@code tick}: sends the posts whose time has come, then checks the posts TikTok is processing whose next
 * check is due. Scheduled posts live in PostgreSQL, so they survive a restart; at start, posts a crash left half-sent
 * are settled first. Ticks never overlap.
 */
@Component
class PublishingScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublishingScheduler.class);

    private final Publishing publishing;
    private final PublishingSettings settings;
    private volatile Disposable loop;

    PublishingScheduler(Publishing publishing, PublishingSettings settings) {
        this.publishing = publishing;
        this.settings = settings;
    }

    @Override
    public void start() {
        loop = publishing.recoverInterrupted()
                .onErrorResume(e -> {
                    log.warn("Settling interrupted posts failed: {}", e.toString());
                    return Mono.empty();
                })
                .thenMany(Flux.interval(settings.tick(), settings.tick()))
                .onBackpressureDrop()
                .concatMap(tick -> publishing.sendDue().then(publishing.checkDue()).onErrorResume(e -> {
                    log.warn("Publishing tick failed; retrying next tick: {}", e.toString());
                    return Mono.empty();
                }), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = loop;
        if (current != null) {
            current.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }
}
