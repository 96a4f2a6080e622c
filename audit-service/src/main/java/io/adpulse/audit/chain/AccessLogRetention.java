package io.adpulse.audit.chain;

import io.adpulse.events.Topics;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Retention of the access log ({@code audit.access.v1} in the chain). An access entry recorded before the cutoff and
 * at or before the latest checkpoint is pruned to a stub: it keeps its sequence, recorded-at, topic, Kafka
 * coordinates, event type, validity (and invalid reason), hash format, {@code prev_hash} and {@code hash}, and loses
 * everything about the access: record key, event id, subject, event time, actor, route, decision, redacted fields,
 * payload (with the client address) and the payload's digest. The chain stays linked through the kept hashes, and the
 * checkpoint at or after each stub, published for anchoring before the stub lost its contents, proves the chain up to
 * it; every other entry, and every entry after the latest checkpoint, is kept whole. The database allows exactly this
 * change, and only under a checkpoint ({@code V3__checkpoints_and_retention.sql}).
 */
@Service
public class AccessLogRetention {

    private final DatabaseClient db;

    AccessLogRetention(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Prunes at most {@code batch} access entries recorded before {@code cutoff} and covered by a checkpoint, oldest
     * first; emits how many. Running it again prunes the next ones.
     */
    public Mono<Long> prune(Instant cutoff, int batch) {
        return db.sql("""
                update audit_event set record_key = null, event_id = null, subject = null, event_time = null,
                       actor = null, route = null, decision = null, redacted_fields = '{}', payload_encoding = 'NONE',
                       payload = null, payload_digest = null, pruned_at = now()
                 where sequence in (select sequence from audit_event
                                     where topic = :access and pruned_at is null and recorded_at < :cutoff
                                       and sequence <= (select coalesce(max(sequence), 0) from audit_checkpoint)
                                     order by sequence limit :batch)
                """)
                .bind("access", Topics.AUDIT_ACCESS)
                .bind("cutoff", cutoff)
                .bind("batch", batch)
                .fetch().rowsUpdated();
    }
}
