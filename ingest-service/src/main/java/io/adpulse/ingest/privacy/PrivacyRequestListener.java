package io.adpulse.ingest.privacy;

import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.PrivacyCompleted;
import io.adpulse.events.PrivacyRequested;
import io.adpulse.events.Topics;
import io.adpulse.ingest.publish.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads {@code privacy.requests.v1}: erases the account's rows ({@link AccountEraser}) and then confirms with
 * {@link PrivacyCompleted} on {@code privacy.completions.v1}. Synchronous on the consumer thread like every listener
 * here, so a failure is retried and finally dead-lettered to {@code privacy.requests.v1.dlt}; a record that is not a
 * {@link PrivacyRequested} is dead-lettered at once. A redelivered request deletes nothing more and confirms again
 * with zero counts under the same event id.
 */
@Component
class PrivacyRequestListener {

    /** The name this service confirms under; auth-service waits for it. */
    static final String SERVICE = "ingest-service";
    static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(PrivacyRequestListener.class);

    private final EventCodec codec;
    private final AccountEraser eraser;
    private final EventPublisher publisher;
    private final Clock clock;

    PrivacyRequestListener(EventCodec codec, AccountEraser eraser, EventPublisher publisher, Clock clock) {
        this.codec = codec;
        this.eraser = eraser;
        this.publisher = publisher;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.PRIVACY_REQUESTS)
    void onRecord(ConsumerRecord<String, byte[]> record) {
        effect(record).block(EFFECT_TIMEOUT);
    }

    private Mono<Void> effect(ConsumerRecord<String, byte[]> record) {
        PrivacyRequested request = codec.decode(record.value(), PrivacyRequested.class).data();
        return eraser.erase(request).flatMap(counts -> {
            log.info("Erased connection {} for privacy request {}: {}", request.connectionId(), request.requestId(),
                    counts);
            var done = new PrivacyCompleted(request.requestId(), SERVICE, request.connectionId(), counts,
                    clock.instant());
            return publisher.publish(EventEnvelope.of(EventPublisher.SOURCE, request.connectionId(),
                    done.completedAt(), done, request.requestId(), SERVICE));
        });
    }
}
