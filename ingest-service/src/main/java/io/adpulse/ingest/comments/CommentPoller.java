package io.adpulse.ingest.comments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every {@code poll-interval}, reads new comments of every active creator connection; polls never overlap. */
@Component
class CommentPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommentPoller.class);

    private final CommentTriage triage;
    private final CommentSettings settings;
    private volatile Disposable loop;

    CommentPoller(CommentTriage triage, CommentSettings settings) {
        this.triage = triage;
        this.settings = settings;
    }

    @Override
    public void start() {
        loop = Flux.interval(settings.pollInterval(), settings.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> triage.pollAll().onErrorResume(e -> {
                    log.warn("Comment poll failed: {}", e.toString());
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
