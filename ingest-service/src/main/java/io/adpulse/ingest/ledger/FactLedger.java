package io.adpulse.ingest.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code published_fact} table: the last published state per fact key. */
@Repository
public class FactLedger {

    private final DatabaseClient db;

    FactLedger(DatabaseClient db) {
        this.db = db;
    }

    /** Last published states of an advertiser's entities, by fact key; a concurrent map for one sync to update. */
    public Mono<Map<String, PublishedFact>> entities(String advertiserId) {
        return db.sql("select * from published_fact where advertiser_id = :advertiserId and stat_date is null")
                .bind("advertiserId", advertiserId)
                .map((row, meta) -> toFact(row))
                .all()
                .collectMap(PublishedFact::factKey, f -> f, ConcurrentHashMap::new);
    }

    /** Last published states of an advertiser's metrics for local dates in [from, to], by fact key; a concurrent map for one sync to update. */
    public Mono<Map<String, PublishedFact>> metrics(String advertiserId, LocalDate from, LocalDate to) {
        return db.sql("""
                select * from published_fact
                where advertiser_id = :advertiserId and stat_date between :from and :to
                """)
                .bind("advertiserId", advertiserId)
                .bind("from", from)
                .bind("to", to)
                .map((row, meta) -> toFact(row))
                .all()
                .collectMap(PublishedFact::factKey, f -> f, ConcurrentHashMap::new);
    }

    /**
     * Last published states of the facts of one account whose key starts with {@code keyPrefix} (a creator
     * connection's organic videos), by fact key; a concurrent map for one poll to update.
     */
    public Mono<Map<String, PublishedFact>> facts(String accountId, String keyPrefix) {
        return db.sql("""
                select * from published_fact
                where advertiser_id = :accountId and left(fact_key, length(:prefix)) = :prefix
                """)
                .bind("accountId", accountId)
                .bind("prefix", keyPrefix)
                .map((row, meta) -> toFact(row))
                .all()
                .collectMap(PublishedFact::factKey, f -> f, ConcurrentHashMap::new);
    }

    Mono<Void> record(PublishedFact fact) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                insert into published_fact (fact_key, advertiser_id, stat_date, value_hash, event_id, published_at)
                values (:factKey, :advertiserId, :statDate, :valueHash, :eventId, :publishedAt)
                on conflict (fact_key) do update set value_hash = excluded.value_hash, event_id = excluded.event_id,
                    published_at = excluded.published_at
                """)
                .bind("factKey", fact.factKey())
                .bind("advertiserId", fact.advertiserId())
                .bind("valueHash", fact.valueHash())
                .bind("eventId", fact.eventId())
                .bind("publishedAt", fact.publishedAt());
        spec = fact.statDate() == null ? spec.bindNull("statDate", LocalDate.class) : spec.bind("statDate", fact.statDate());
        return spec.then();
    }

    private static PublishedFact toFact(io.r2dbc.spi.Readable row) {
        return new PublishedFact(row.get("fact_key", String.class), row.get("advertiser_id", String.class),
                row.get("stat_date", LocalDate.class), row.get("value_hash", String.class),
                row.get("event_id", String.class), row.get("published_at", Instant.class));
    }
}
