package io.adpulse.ingest.publish;

import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import io.adpulse.ingest.config.KafkaConfig;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes events as CloudEvents structured JSON on their type's topic, keyed by the event subject
 * (advertiser id for entities and metrics, connection id for API errors) so that one account's events
 * stay in order on one partition. Completes once the broker acknowledged the record ({@code acks=all}),
 * on a Reactor thread: the acknowledgement arrives on the producer's network thread, which must not run
 * the caller's next steps (they may send again, and a send that waits for buffer space there would stall
 * the producer).
 */
@Component
public class EventPublisher {

    /** CloudEvents {@code source} of everything this service publishes. */
    public static final String SOURCE = "/adpulse/ingest-service";

    private static final String CONTENT_TYPE_HEADER = "content-type";

    private final KafkaTemplate<String, byte[]> template;
    private final EventCodec codec;

    EventPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec) {
        this.template = template;
        this.codec = codec;
    }

    public Mono<Void> publish(EventEnvelope<?> event) {
        return Mono.defer(() -> publishEncoded(event.topic(), event.subject(), codec.encode(event)));
    }

    /**
     * Keeps {@code body}, which could not be turned into an event, on the dead-letter topic of {@code topic} with the
     * human {@code reason} in the {@code adpulse-dlt-reason} header, as the consumers' error handlers do.
     */
    public Mono<Void> deadLetter(String topic, String key, byte[] body, String reason) {
        return Mono.defer(() -> {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.deadLetter(topic), key, body);
            record.headers().add(KafkaConfig.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            return Mono.fromFuture(() -> template.send(record)).subscribeOn(Schedulers.boundedElastic());
        }).publishOn(Schedulers.parallel()).then();
    }

    /** Publishes an event {@link EventCodec#encode encoded} earlier (kept in an outbox or inbox table). */
    public Mono<Void> publishEncoded(String topic, String key, byte[] encodedEvent) {
        return Mono.defer(() -> {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, encodedEvent);
            record.headers().add(CONTENT_TYPE_HEADER, EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            // KafkaTemplate.send may block its caller for up to max.block.ms (metadata, a full buffer): never on an event
            // loop thread, which the HTTP server and the database driver share.
            return Mono.fromFuture(() -> template.send(record)).subscribeOn(Schedulers.boundedElastic());
        }).publishOn(Schedulers.parallel()).then();
    }
}
