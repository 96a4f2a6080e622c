package io.adpulse.auth.apierrors;

import java.time.Duration;

import io.adpulse.auth.connection.RevocationService;
import io.adpulse.events.ApiErrorOccurred;
import io.adpulse.events.EventCodec;
import io.adpulse.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code ApiErrorOccurred} events and hands each to {@link RevocationService#markNeedsReauth}.
 * The listener runs on a Kafka consumer thread and waits there for the effect, so a failure (an invalid record,
 * or the database still failing after retries) reaches the container's error handler, which sends the record to
 * {@code tiktok.api-errors.v1.dlt} with the reason. (Spring Kafka 4.0 only logs and acknowledges the failure of a
 * {@code Mono}-returning record listener, which would lose it.) Redelivered events change nothing (the status
 * change is conditional).
 */
@Component
class ApiErrorListener {

    /** Longest wait for one record's effect; well below {@code max.poll.interval.ms}. */
    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(30);

    private final EventCodec codec;
    private final RevocationService revocations;

    ApiErrorListener(EventCodec codec, RevocationService revocations) {
        this.codec = codec;
        this.revocations = revocations;
    }

    @KafkaListener(id = "auth-service-api-errors", idIsGroup = false, topics = Topics.API_ERRORS)
    void onApiError(ConsumerRecord<String, byte[]> record) {
        ApiErrorOccurred error = codec.decode(record.value(), ApiErrorOccurred.class).data();
        revocations.markNeedsReauth(error).block(EFFECT_TIMEOUT);
    }
}
