package io.adpulse.audit.chain;

import io.adpulse.events.PrivacyRequested;
import io.adpulse.events.Topics;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * audit-service's part of an erasure: the log keeps the fact of the erasure, not the erased data. Every format 2
 * entry about the account loses its payload; its other columns (topic, key, subject, event id and type, times)
 * stay, and the payload's digest keeps the chain verifiable. The entry of the erasure request itself, the
 * confirmations ({@code privacy.*} topics) and the access log ({@code audit.access.v1}, who called which route, not
 * TikTok data; kept per the access-log policy) are kept whole.
 *
 * <p>An entry is about the account when its record key or subject is the request's connection id or one of its
 * account ids, or its payload names one of them as a JSON string ({@code "7001..."}). Entries appended in format 1
 * (before erasure existed) cannot lose their payload without breaking the chain and are left alone. The search reads
 * the payloads of the log that are not erased yet; an erasure is rare, and the update touches only matching rows.
 */
@Service
public class PayloadEraser {

    /** Topics whose entries are never erased: the erasure's own record, and the access log. */
    static final List<String> KEPT_TOPICS = List.of(Topics.PRIVACY_REQUESTS, Topics.PRIVACY_COMPLETIONS,
            Topics.AUDIT_ACCESS);

    private final DatabaseClient db;

    PayloadEraser(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Erases the payloads of the entries about {@code request}'s account, naming the entry at {@code requestSequence}
     * (the request) as the cause; emits how many entries were erased. Running it again erases nothing more.
     */
    public Mono<Long> erase(PrivacyRequested request, long requestSequence) {
        List<String> ids = new ArrayList<>(request.accountIds());
        if (request.connectionId() != null) {
            ids.add(request.connectionId());
        }
        if (ids.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("""
                update audit_event set payload = null, erased_by = :request, erased_at = now()
                 where hash_format = 2 and erased_by is null and payload is not null
                   and topic <> all(:kept)
                   and (record_key = any(:ids) or subject = any(:ids)
                        or exists (select 1 from unnest(cast(:ids as text[])) as erased(id)
                                    where strpos(payload, '"' || erased.id || '"') > 0))
                """)
                .bind("request", requestSequence)
                .bind("kept", KEPT_TOPICS.toArray(String[]::new))
                .bind("ids", ids.toArray(String[]::new))
                .fetch().rowsUpdated();
    }

    /** The sequence of the entry that stored the Kafka record at these coordinates, if it is in the log. */
    public Mono<Long> sequenceOf(String topic, int partition, long offset) {
        return db.sql("select sequence from audit_event where topic = :t and kafka_partition = :p and kafka_offset = :o")
                .bind("t", topic).bind("p", partition).bind("o", offset)
                .map(row -> row.get(0, Long.class))
                .one();
    }
}
