package io.adpulse.reporting.outbox;

import io.adpulse.events.EventCodec;
import io.adpulse.reporting.config.ReportingProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox rows to Kafka in {@code id} order and marks them published. One pass runs in a transaction
 * holding an advisory lock, so across instances only one relay publishes at a time. Each event is sent only after
 * the previous one was acknowledged (idempotent producer, {@code acks=all}); at the first failed send the pass stops,
 * marks what was sent and leaves the rest, in order, for the next pass. Delivery is at least once: if marking fails
 * after a send the event goes out again, with the same CloudEvent id.
 */
@Component
class OutboxRelay extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final Outbox outbox;
    private final KafkaTemplate<String, byte[]> kafka;
    private final TransactionalOperator transactions;
    private final Clock clock;

    OutboxRelay(Outbox outbox, KafkaTemplate<String, byte[]> kafka, TransactionalOperator transactions, Clock clock,
            ReportingProperties properties) {
        super("outbox relay", properties.reports().relayInterval());
        this.outbox = outbox;
        this.kafka = kafka;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Publishes until the outbox is empty or a send fails; emits how many events went out. */
    Mono<Integer> drain() {
        return pass().expand(sent -> sent == BATCH ? pass() : Mono.empty()).reduce(0, Integer::sum);
    }

    private Mono<Integer> pass() {
        return transactions.transactional(outbox.tryLockRelay().flatMap(locked -> locked
                ? outbox.unpublished(BATCH)
                        .concatMap(message -> send(message).thenReturn(message.id()))
                        .onErrorResume(e -> {
                            log.warn("outbox relay stopped at a failed send, will retry: {}", e.toString());
                            return Mono.empty();
                        })
                        .collectList()
                        .flatMap(ids -> outbox.markPublished(ids, clock.instant()).thenReturn(ids.size()))
                : Mono.just(0)));
    }

    private Mono<Void> send(Outbox.Message message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.key(), message.payload());
        record.headers().add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        // send may block for up to max.block.ms: keep it off the event loops.
        return Mono.fromFuture(() -> kafka.send(record)).subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    protected Mono<Integer> runOnce() {
        return drain();
    }
}
