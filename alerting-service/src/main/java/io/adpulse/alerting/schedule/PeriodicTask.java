package io.adpulse.alerting.schedule;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A pass that runs every {@code interval} while the application runs: the outbox relay, the pacing sweep, the
 * notification loop. Passes never overlap (a tick that comes while one runs is dropped), and a failed pass is logged
 * and simply tried again on the next tick.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration delay;
    private final Duration interval;
    private volatile Disposable loop;

    protected PeriodicTask(String name, Duration interval) {
        this(name, interval, interval);
    }

    /** A task whose first pass runs {@code delay} after the start (zero: at once), then every {@code interval}. */
    protected PeriodicTask(String name, Duration delay, Duration interval) {
        this.name = name;
        this.delay = delay;
        this.interval = interval;
    }

    /** One pass; subscribed to once per tick. */
    protected abstract Mono<?> runOnce();

    @Override
    public void start() {
        loop = Flux.interval(delay, interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(this::runOnce).then().onErrorResume(e -> {
                    log.warn("{} failed, will run again in {}: {}", name, interval, e.toString());
                    return Mono.empty();
                }), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
