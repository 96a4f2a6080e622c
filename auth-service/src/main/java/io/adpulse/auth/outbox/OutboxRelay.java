package io.adpulse.auth.outbox;

import io.adpulse.auth.config.AuthProperties;
import io.adpulse.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.core.publisher.Sinks;

/**
 * Publishes outbox rows to Kafka in commit order (record key = the event's subject, the connection
 * id) and marks them published. It runs every {@code adpulse.auth.outbox.poll-interval} and as soon
 * as a service {@link #wake() wakes} it after a commit. A round holds a transaction-scoped advisory
 * lock, so only one instance publishes at a time; when a send fails, the round stops there, keeps the
 * marks it made and the next round resumes at the failed row. A crash between send and mark
 * republishes that row; consumers recognise it by its event id.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String CONTENT_TYPE_HEADER = "content-type";

    private final Outbox outbox;
    private final KafkaTemplate<String, byte[]> kafka;
    private final TransactionalOperator transactions;
    private final AuthProperties.Outbox settings;
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
    private volatile Disposable rounds;

    public OutboxRelay(Outbox outbox, KafkaTemplate<String, byte[]> kafka, TransactionalOperator transactions,
            AuthProperties properties) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.transactions = transactions;
        this.settings = properties.outbox();
    }

    /**
     * Asks for a round now. A wake-up that arrives while a round runs may be dropped; the running
     * round or the next poll picks the rows up.
     */
    public void wake() {
        wakeUps.tryEmitNext(Boolean.TRUE);
    }

    @Override
    public void start() {
        rounds = Flux.merge(Flux.interval(Duration.ZERO, settings.pollInterval()).map(tick -> Boolean.TRUE),
                        wakeUps.asFlux())
                .onBackpressureLatest()
                .concatMap(tick -> publishPending().onErrorResume(e -> {
                    log.warn("Outbox relay round failed, retrying on the next round: {}", e.toString());
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

    /** Publishes batches until no unpublished row is left; emits how many rows were published. */
    Mono<Long> publishPending() {
        return publishBatch()
                .expand(published -> published == settings.batchSize() ? publishBatch() : Mono.empty())
                .reduce(0L, Long::sum);
    }

    private Mono<Long> publishBatch() {
        Mono<Long> batch = outbox.tryLockRelay().flatMap(locked -> !locked ? Mono.just(0L)
                : outbox.pending(settings.batchSize()).collectList()
                        .flatMapMany(Flux::fromIterable)
                        .concatMap(entry -> send(entry).then(outbox.markPublished(entry.seq())).thenReturn(entry))
                        .onErrorResume(e -> {
                            log.warn("Publishing from the outbox stopped at a failed send: {}", e.toString());
                            return Flux.empty();
                        })
                        .count());
        return transactions.transactional(batch);
    }

    private Mono<Void> send(OutboxEntry entry) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(entry.topic(), entry.key(), entry.payload());
        if (!entry.tombstone()) {
            record.headers().add(CONTENT_TYPE_HEADER, EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        }
        // KafkaTemplate.send may block its caller for up to max.block.ms (metadata, a full buffer): never on an event
        // loop thread, which the HTTP server and the database driver share.
        return Mono.fromFuture(() -> kafka.send(record)).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
