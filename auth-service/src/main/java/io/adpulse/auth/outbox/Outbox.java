package io.adpulse.auth.outbox;

import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Outbox rows. {@link #append} must run inside the caller's transaction (it uses the transaction's
 * connection through the Reactor context); an event id already present is ignored, so appending the
 * same fact twice publishes it once.
 */
@Repository
public class Outbox {

    /** Advisory lock id of the relay; any constant unique within the auth database. */
    static final long RELAY_LOCK = 0x4164_5075_6c73_6501L;

    private final DatabaseClient db;
    private final EventCodec codec;
    private final Clock clock;

    public Outbox(DatabaseClient db, EventCodec codec, Clock clock) {
        this.db = db;
        this.codec = codec;
        this.clock = clock;
    }

    /** Records {@code event} for publication on its topic, keyed by its subject. */
    public Mono<Void> append(EventEnvelope<?> event) {
        return Mono.fromCallable(() -> codec.encode(event))
                .flatMap(payload -> db.sql("""
                        insert into outbox (event_id, topic, record_key, payload, created_at)
                        values (:eventId, :topic, :key, :payload, :createdAt)
                        on conflict (event_id) do nothing
                        """)
                        .bind("eventId", event.id())
                        .bind("topic", event.topic())
                        .bind("key", event.subject())
                        .bind("payload", payload)
                        .bind("createdAt", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                        .then());
    }

    /**
     * Records a tombstone (a record with no value) for {@code key} on the compacted {@code topic}: the
     * entity is gone and compaction may drop everything published under the key. {@code eventId} only
     * deduplicates the outbox row; a tombstone carries no event.
     */
    public Mono<Void> appendTombstone(String topic, String key, String eventId) {
        return db.sql("""
                insert into outbox (event_id, topic, record_key, payload, created_at)
                values (:eventId, :topic, :key, null, :createdAt)
                on conflict (event_id) do nothing
                """)
                .bind("eventId", eventId)
                .bind("topic", topic)
                .bind("key", key)
                .bind("createdAt", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .then();
    }

    /** Up to {@code limit} unpublished entries, oldest first. */
    Flux<OutboxEntry> pending(int limit) {
        return db.sql("""
                select seq, event_id, topic, record_key, payload from outbox
                 where published_at is null order by seq limit :limit
                """)
                .bind("limit", limit)
                .map(row -> new OutboxEntry(row.get("seq", Long.class), row.get("event_id", String.class),
                        row.get("topic", String.class), row.get("record_key", String.class),
                        row.get("payload", byte[].class)))
                .all();
    }

    Mono<Void> markPublished(long seq) {
        return db.sql("update outbox set published_at = :at where seq = :seq")
                .bind("at", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .bind("seq", seq)
                .then();
    }

    /**
     * Takes the relay lock for the current transaction: only one auth-service instance publishes at
     * a time, which keeps events in commit order across instances.
     */
    Mono<Boolean> tryLockRelay() {
        return db.sql("select pg_try_advisory_xact_lock(:lock)")
                .bind("lock", RELAY_LOCK)
                .map(row -> row.get(0, Boolean.class))
                .one();
    }

    /**
     * Waits for the relay lock and holds it for the current transaction. A relay round marks its rows published only
     * when its transaction commits, after the last send of the round; a consumer of one of those records can see it
     * before the marks. Taking this lock first waits for that round, so the caller's statements see every row the
     * relay has sent as published, and no round runs until the caller commits.
     */
    public Mono<Void> awaitRelay() {
        return db.sql("select pg_advisory_xact_lock(:lock)")
                .bind("lock", RELAY_LOCK)
                .then();
    }
}
