package io.adpulse.ingest.connection;

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

/**
 * Reads {@code tiktok.connections.v1}: decodes each record and hands it to {@link ConnectionService}.
 * A record with no value is a tombstone for the connection named by its key. Anything that is not a
 * connection event fails with {@link InvalidEventException} and is dead-lettered by the error handler.
 *
 * <p>The listener is synchronous on purpose: it runs on the Kafka consumer thread (never a Netty or
 * Reactor thread) and waits there for the effect, so that a failure reaches the container's error handler
 * (retries, then {@code tiktok.connections.v1.dlt}) before the offset is committed. Spring Kafka 4.0 only
 * logs and acknowledges the failure of a {@code Mono}-returning record listener, which would lose the record.
 */
@Component
class ConnectionsListener {

    /** Longest wait for one record's effect; far below {@code max.poll.interval.ms} times the poll batch. */
    static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(30);

    private final EventCodec codec;
    private final ConnectionService connections;

    ConnectionsListener(EventCodec codec, ConnectionService connections) {
        this.codec = codec;
        this.connections = connections;
    }

    @KafkaListener(topics = Topics.CONNECTIONS)
    void onRecord(ConsumerRecord<String, byte[]> record) {
        effect(record).block(EFFECT_TIMEOUT);
    }

    private Mono<Void> effect(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            if (record.key() == null || record.key().isBlank()) {
                throw new InvalidEventException("tombstone without a connection id key");
            }
            return connections.forget(record.key());
        }
        EventEnvelope<?> event = codec.decode(record.value());
        if (event.data() instanceof ConnectionGranted granted) {
            return connections.grant(granted);
        }
        if (event.data() instanceof ConnectionRevoked revoked) {
            return connections.revoke(revoked);
        }
        throw new InvalidEventException("event " + event.id() + " of type " + event.type().type()
                + " does not belong on " + Topics.CONNECTIONS);
    }
}
