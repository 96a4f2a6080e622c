package io.adpulse.reporting.privacy;

import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.PrivacyCompleted;
import io.adpulse.events.PrivacyRequested;
import io.adpulse.events.Topics;
import io.adpulse.reporting.kafka.Listeners;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads {@code privacy.requests.v1}: erases the account's rows ({@link AccountEraser}) and then confirms with
 * {@link PrivacyCompleted} on {@code privacy.completions.v1}. Synchronous on the consumer thread like every listener
 * here ({@link Listeners}), so a failure is retried and finally dead-lettered to {@code privacy.requests.v1.dlt}; a
 * record that is not a {@link PrivacyRequested} is dead-lettered at once. A redelivered request deletes nothing more
 * and confirms again, with zero counts, under the same event id.
 */
@Component
class PrivacyRequestListener {

    /** The name this service confirms under; auth-service waits for it. */
    static final String SERVICE = "reporting-service";
    static final String SOURCE = "/adpulse/reporting-service";

    private static final Logger log = LoggerFactory.getLogger(PrivacyRequestListener.class);

    private final EventCodec codec;
    private final AccountEraser eraser;
    private final KafkaTemplate<String, byte[]> template;
    private final Clock clock = Clock.systemUTC();

    PrivacyRequestListener(EventCodec codec, AccountEraser eraser, KafkaTemplate<String, byte[]> template) {
        this.codec = codec;
        this.eraser = eraser;
        this.template = template;
    }

    @KafkaListener(topics = Topics.PRIVACY_REQUESTS)
    void onRecord(ConsumerRecord<String, byte[]> record) {
        PrivacyRequested request = codec.decode(record.value(), PrivacyRequested.class).data();
        Listeners.await(eraser.erase(request).flatMap(counts -> {
            log.info("Erased connection {} for privacy request {}: {}", request.connectionId(), request.requestId(),
                    counts);
            var done = new PrivacyCompleted(request.requestId(), SERVICE, request.connectionId(), counts,
                    clock.instant());
            return publish(EventEnvelope.of(SOURCE, request.connectionId(), done.completedAt(), done,
                    request.requestId(), SERVICE));
        }));
    }

    private Mono<Void> publish(EventEnvelope<PrivacyCompleted> event) {
        return Mono.defer(() -> {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.subject(),
                    codec.encode(event));
            record.headers().add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            // send may block for up to max.block.ms: keep it off the event loops.
            return Mono.fromFuture(() -> template.send(record)).subscribeOn(Schedulers.boundedElastic());
        }).then();
    }
}
