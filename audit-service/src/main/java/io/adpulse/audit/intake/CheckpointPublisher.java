package io.adpulse.audit.intake;

import io.adpulse.audit.chain.Checkpoint;
import io.adpulse.audit.chain.Checkpoints;
import io.adpulse.events.AuditCheckpointed;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes every stored checkpoint Kafka has not acknowledged yet on {@code audit.checkpoints.v1}, oldest first (key
 * {@value Checkpoints#KEY}, event id from the sequence, so a second publication after a crash is recognisable), and
 * marks each published once acknowledged: at least once, in order. audit-service appends these records to its own
 * chain like every other topic's.
 */
@Component
public class CheckpointPublisher {

    static final String SOURCE = "/adpulse/audit-service";

    private final Checkpoints checkpoints;
    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;

    CheckpointPublisher(Checkpoints checkpoints, KafkaTemplate<String, byte[]> kafka, EventCodec codec) {
        this.checkpoints = checkpoints;
        this.kafka = kafka;
        this.codec = codec;
    }

    /** Publishes the checkpoints not acknowledged yet, each within {@code timeout}; emits how many. */
    public Mono<Long> publishPending(Duration timeout) {
        return checkpoints.unpublished()
                .concatMap(checkpoint -> publish(checkpoint, timeout)
                        .then(checkpoints.markPublished(checkpoint.sequence()))
                        .thenReturn(checkpoint))
                .count();
    }

    private Mono<Void> publish(Checkpoint c, Duration timeout) {
        var data = new AuditCheckpointed(c.sequence(), c.headHash(), c.entries(), c.checkpointedAt(),
                c.previousSequence(), c.previousCheckpointHash(), c.checkpointHash());
        EventEnvelope<AuditCheckpointed> event = EventEnvelope.of(SOURCE, Checkpoints.KEY, c.checkpointedAt(), data,
                "checkpoint", Long.toString(c.sequence()));
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(event.topic(), Checkpoints.KEY, codec.encode(event));
        out.headers().add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        // send() can block on metadata: never on an event loop.
        return Mono.fromFuture(() -> kafka.send(out)).subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout)
                .then();
    }
}
