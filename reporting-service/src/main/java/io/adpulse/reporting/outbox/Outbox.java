package io.adpulse.reporting.outbox;

import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code outbox} table: events written in the same transaction as the state they describe, and published
 * afterwards by {@link OutboxRelay} in the order they were written ({@code id}).
 */
@Repository
public class Outbox {

    /** Advisory lock key of the relay ("rpoutbox" in ASCII). */
    private static final long RELAY_LOCK = 0x72706f7574626f78L;

    private final DatabaseClient db;
    private final EventCodec codec;

    Outbox(DatabaseClient db, EventCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    /** Adds an event; it joins the caller's transaction, so it is published only if that commits. */
    public Mono<Void> append(EventEnvelope<?> event) {
        return db.sql("insert into outbox (topic, record_key, event_id, event_type, payload, created_at) "
                        + "values (:topic, :key, :eventId, :eventType, :payload, :createdAt)")
                .bind("topic", event.topic())
                .bind("key", event.subject())
                .bind("eventId", event.id())
                .bind("eventType", event.type().type())
                .bind("payload", ByteBuffer.wrap(codec.encode(event)))
                .bind("createdAt", event.time())
                .then();
    }

    /** The oldest unpublished events, oldest first. */
    Flux<Message> unpublished(int limit) {
        return db.sql("select id, topic, record_key, payload from outbox where published_at is null "
                        + "order by id limit :limit")
                .bind("limit", limit)
                .map(row -> new Message(row.get("id", Long.class), row.get("topic", String.class),
                        row.get("record_key", String.class), bytes(row.get("payload", ByteBuffer.class))))
                .all();
    }

    Mono<Void> markPublished(List<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("update outbox set published_at = :at where id = any(:ids)")
                .bind("at", at)
                .bind("ids", ids.toArray(Long[]::new))
                .then();
    }

    /**
     * Takes the transaction-scoped advisory lock that makes one relay (of all instances) publish at a time, so
     * events leave in outbox order; false when another relay holds it.
     */
    Mono<Boolean> tryLockRelay() {
        return db.sql("select pg_try_advisory_xact_lock(:key) as locked")
                .bind("key", RELAY_LOCK)
                .map(row -> row.get("locked", Boolean.class))
                .one();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** One stored event, ready to send. */
    record Message(long id, String topic, String key, byte[] payload) {
    }
}
