package io.adpulse.auth.privacy;

import io.adpulse.events.EventCodec;
import io.adpulse.events.PrivacyCompleted;
import io.adpulse.events.PrivacyRequested;
import io.adpulse.events.Topics;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * auth-service on the privacy topics: it erases its own rows for every request on {@code privacy.requests.v1} (as
 * every other service does), and records every confirmation on {@code privacy.completions.v1}. Both listeners wait
 * for their effect on the Kafka consumer thread, so a failure reaches the container's error handler (retries, then
 * {@code <topic>.dlt}); a record that is not the expected event is dead-lettered at once. Both effects are idempotent.
 */
@Component
class PrivacyListeners {

    /** Longest wait for one record's effect; well below {@code max.poll.interval.ms}. */
    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(30);

    private final EventCodec codec;
    private final ErasureService erasures;

    PrivacyListeners(EventCodec codec, ErasureService erasures) {
        this.codec = codec;
        this.erasures = erasures;
    }

    @KafkaListener(id = "auth-service-privacy-requests", idIsGroup = false, topics = Topics.PRIVACY_REQUESTS)
    void onRequest(ConsumerRecord<String, byte[]> record) {
        PrivacyRequested request = codec.decode(record.value(), PrivacyRequested.class).data();
        erasures.eraseOwnRows(request).block(EFFECT_TIMEOUT);
    }

    @KafkaListener(id = "auth-service-privacy-completions", idIsGroup = false, topics = Topics.PRIVACY_COMPLETIONS)
    void onCompletion(ConsumerRecord<String, byte[]> record) {
        PrivacyCompleted done = codec.decode(record.value(), PrivacyCompleted.class).data();
        erasures.recordCompletion(done).block(EFFECT_TIMEOUT);
    }
}
