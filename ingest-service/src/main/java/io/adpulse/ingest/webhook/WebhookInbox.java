package io.adpulse.ingest.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code webhook_inbox} table: accepted notifications, de-duplicated by delivery id, until published. */
@Repository
class WebhookInbox {

    /** A notification waiting for publication: its encoded {@code WebhookReceived} event. */
    record Pending(String deliveryId, String recordKey, byte[] payload) {
    }

    private final DatabaseClient db;

    WebhookInbox(DatabaseClient db) {
        this.db = db;
    }

    /** Stores a notification; {@code false} when one with the same delivery id was already accepted. */
    Mono<Boolean> accept(String deliveryId, String event, String userOpenId, String recordKey, byte[] payload,
            Instant receivedAt) {
        return db.sql("""
                insert into webhook_inbox (delivery_id, event, user_open_id, record_key, payload, received_at)
                values (:id, :event, :openId, :key, :payload, :receivedAt)
                on conflict (delivery_id) do nothing
                """)
                .bind("id", deliveryId)
                .bind("event", event)
                .bind("openId", userOpenId)
                .bind("key", recordKey)
                .bind("payload", payload)
                .bind("receivedAt", OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC))
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** Up to {@code limit} notifications received before {@code before} and not published yet, oldest first. */
    Flux<Pending> unpublished(int limit, Instant before) {
        return db.sql("""
                select delivery_id, record_key, payload from webhook_inbox
                 where published_at is null and received_at < :before order by received_at limit :limit
                """)
                .bind("limit", limit)
                .bind("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .map(row -> new Pending(row.get("delivery_id", String.class), row.get("record_key", String.class),
                        row.get("payload", byte[].class)))
                .all();
    }

    Mono<Void> markPublished(String deliveryId, Instant at) {
        return db.sql("update webhook_inbox set published_at = :at where delivery_id = :id and published_at is null")
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .bind("id", deliveryId)
                .then();
    }
}
