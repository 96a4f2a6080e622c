package io.adpulse.alerting.health.event;

import io.adpulse.alerting.health.evaluation.HealthIntake;
import io.adpulse.events.ApiErrorOccurred;
import io.adpulse.events.ConnectionGranted;
import io.adpulse.events.ConnectionRevoked;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.InvalidEventException;
import io.adpulse.events.Topics;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Consumes {@code tiktok.connections.v1} (grants, revocations, tombstones keyed by connection id) and
 * {@code tiktok.api-errors.v1}: decodes each record and makes one intake call, waiting for it on the consumer thread
 * so that a failure reaches the container's error handler and the dead-letter topic. The sealed access token of a
 * grant is never opened, stored or logged: only its expiry is used.
 */
@Component
class HealthListener {

    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(60);

    private final EventCodec codec;
    private final HealthIntake intake;
    private final Retry retry;

    HealthListener(EventCodec codec, HealthIntake intake, Retry listenerRetry) {
        this.codec = codec;
        this.intake = intake;
        this.retry = listenerRetry;
    }

    @KafkaListener(topics = Topics.CONNECTIONS)
    void onConnection(ConsumerRecord<String, byte[]> record) {
        Mono.defer(() -> {
            if (record.value() == null) {
                if (record.key() == null || record.key().isBlank()) {
                    return Mono.error(new InvalidEventException("a tombstone on " + Topics.CONNECTIONS
                            + " needs the connection id as its key"));
                }
                return intake.removed(record.key());
            }
            EventEnvelope<?> event = codec.decode(record.value());
            if (event.data() instanceof ConnectionGranted grant) {
                return intake.granted(grant);
            }
            if (event.data() instanceof ConnectionRevoked revocation) {
                return intake.revoked(revocation);
            }
            return Mono.error(new InvalidEventException("a " + event.type() + " event does not belong on "
                    + Topics.CONNECTIONS));
        }).retryWhen(retry).block(EFFECT_TIMEOUT);
    }

    @KafkaListener(topics = Topics.API_ERRORS)
    void onApiError(ConsumerRecord<String, byte[]> record) {
        Mono.defer(() -> {
            EventEnvelope<ApiErrorOccurred> event = codec.decode(record.value(), ApiErrorOccurred.class);
            return intake.apiError(event.id(), event.data());
        }).retryWhen(retry).block(EFFECT_TIMEOUT);
    }
}
