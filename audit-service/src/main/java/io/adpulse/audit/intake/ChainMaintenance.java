package io.adpulse.audit.intake;

import io.adpulse.audit.chain.AccessLogRetention;
import io.adpulse.audit.chain.Checkpoints;
import io.adpulse.audit.config.AuditProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The chain's periodic work. Every {@code adpulse.audit.checkpoint.interval}: a checkpoint of the head when the chain
 * grew ({@link Checkpoints#record}), then the publication of every checkpoint not acknowledged yet
 * ({@link CheckpointPublisher}). Every
 * {@code adpulse.audit.retention.check-interval}: access entries older than {@code retention.access-log} and covered
 * by a checkpoint are pruned ({@link AccessLogRetention}), a batch at a time until none is left. A failed round is
 * logged and the next round tries again. Several instances may run both: checkpoints serialise on the head lock, and
 * pruning an entry twice is impossible (the second update finds it pruned).
 */
@Component
class ChainMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainMaintenance.class);

    private final Checkpoints checkpoints;
    private final CheckpointPublisher publisher;
    private final AccessLogRetention retention;
    private final AuditProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Counter pruned;
    private volatile Disposable rounds;

    ChainMaintenance(Checkpoints checkpoints, CheckpointPublisher publisher, AccessLogRetention retention,
            AuditProperties properties, MeterRegistry meters) {
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.retention = retention;
        this.properties = properties;
        this.pruned = meters.counter("adpulse.audit.pruned");
    }

    @Override
    public void start() {
        AuditProperties.Checkpoint every = properties.checkpoint();
        AuditProperties.Retention keep = properties.retention();
        Flux<Long> checkpointRounds = Flux.interval(every.interval(), every.interval())
                .onBackpressureDrop()
                .concatMap(tick -> checkpoints.record().then(publisher.publishPending(every.publishTimeout()))
                        .onErrorResume(e -> {
                            log.warn("Audit checkpoint round failed, retrying on the next round: {}", e.toString());
                            return Mono.empty();
                        }), 1);
        Flux<Long> retentionRounds = Flux.interval(keep.checkInterval(), keep.checkInterval())
                .onBackpressureDrop()
                .concatMap(tick -> pruneAll()
                        .onErrorResume(e -> {
                            log.warn("Access-log retention round failed, retrying on the next round: {}", e.toString());
                            return Mono.empty();
                        }), 1);
        rounds = Flux.merge(checkpointRounds, retentionRounds).subscribe();
    }

    /** Prunes batch after batch until a batch is not full; emits how many entries were pruned. */
    private Mono<Long> pruneAll() {
        int batch = properties.retention().batchSize();
        return Mono.defer(() -> {
            var cutoff = clock.instant().minus(properties.retention().accessLog());
            return retention.prune(cutoff, batch)
                    .expand(count -> count < batch ? Mono.empty() : retention.prune(cutoff, batch))
                    .reduce(0L, Long::sum);
        }).doOnNext(count -> {
            if (count > 0) {
                pruned.increment(count);
                log.info("Access-log retention: pruned {} access entries older than {}", count,
                        properties.retention().accessLog());
            }
        });
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
