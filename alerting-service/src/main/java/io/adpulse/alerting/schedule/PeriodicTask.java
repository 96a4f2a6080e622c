package io.adpulse.alerting.schedule;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A pass that runs every {@code interval} while the application runs: the outbox relay, the pacing sweep, the
 * notification loop. {@link #nudge()} runs a pass now instead of at the next tick (an alert fired: notify and
 * publish it without waiting up to an interval). Passes never overlap: the ticks and nudges that come while one runs
 * collapse into one pass right after it. A failed pass is logged and simply tried again on the next tick.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration delay;
    private final Duration interval;
    private final Sinks.Many<Long> nudges = Sinks.many().multicast().directBestEffort();
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
        loop = Flux.merge(Flux.interval(delay, interval), nudges.asFlux())
                .onBackpressureLatest()
                .concatMap(tick -> Mono.defer(this::runOnce).then().onErrorResume(e -> {
                    log.warn("{} failed, will run again in {}: {}", name, interval, e.toString());
                    return Mono.empty();
                }), 0)
                .subscribe();
    }

    /**
     * Asks for a pass as soon as possible, from any thread; never blocks. A nudge that meets another one being
     * emitted at that moment is dropped, as that one already asks for the pass.
     */
    public void nudge() {
        nudges.tryEmitNext(-1L);
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
