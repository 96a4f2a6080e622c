package io.adpulse.alerting.alert.outbox;

import io.adpulse.alerting.alert.domain.AlertsChanged;
import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.schedule.PeriodicTask;
import io.adpulse.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox rows to Kafka in {@code id} order and marks them published. One pass runs in a
 * transaction holding an advisory lock, so across instances only one relay publishes at a time. Each
 * event is sent only after the previous one was acknowledged (idempotent producer, {@code acks=all}); at
 * the first failed send the pass stops, marks what was sent and leaves the rest, in order, for the next
 * pass. Delivery is at least once: if marking fails after a send the event goes out again, with the same
 * CloudEvent id, which consumers deduplicate.
 */
@Component
class OutboxRelay extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final KafkaTemplate<String, byte[]> kafka;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final AlertingProperties.Outbox settings;

    OutboxRelay(Outbox outbox, KafkaTemplate<String, byte[]> kafka, TransactionalOperator transactions, Clock clock,
            AlertingProperties properties) {
        super("outbox relay", properties.outbox().pollInterval());
        this.outbox = outbox;
        this.kafka = kafka;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = properties.outbox();
    }

    /** Publishes until the outbox is empty or a send fails; emits how many events went out. */
    Mono<Integer> drain() {
        return pass().expand(sent -> sent == settings.batchSize() ? pass() : Mono.empty())
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> pass() {
        return transactions.transactional(outbox.tryLockRelay().flatMap(locked -> locked
                ? outbox.unpublished(settings.batchSize())
                        .concatMap(message -> send(message).thenReturn(message.id()))
                        .onErrorResume(e -> {
                            log.warn("outbox relay stopped at a failed send, will retry: {}", e.toString());
                            return Mono.empty();
                        })
                        .collectList()
                        .flatMap(ids -> outbox.markPublished(ids, clock.instant()).thenReturn(ids.size()))
                : Mono.just(0)));
    }

    private Mono<Void> send(OutboxMessage message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.key(), message.payload());
        record.headers().add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        // KafkaTemplate.send may block its caller for up to max.block.ms (metadata, a full buffer): never on an event
        // loop thread, which the HTTP server and the database driver share.
        return Mono.fromFuture(() -> kafka.send(record)).subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    protected Mono<Integer> runOnce() {
        return drain();
    }

    /** An alert fired or resolved: run a pass now rather than at the next tick. */
    @EventListener
    void onAlertsChanged(AlertsChanged changed) {
        nudge();
    }
}
