package io.adpulse.ingest.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The {@code sync_watermark} table: per connection and stream, when it last synced completely and the
 * last advertiser-local date it covered. The covered date moves forward after every report window, so an
 * interrupted backfill resumes after the last finished window; the last success only once the whole
 * stream was read.
 */
@Repository
class WatermarkRepository {

    /** The stream of entity snapshots (advertiser and campaigns); it has no covered date. */
    static final String ENTITIES = "entities";

    private final DatabaseClient db;

    WatermarkRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Optional<LocalDate>> lastDateCovered(String connectionId, String stream) {
        return db.sql("select last_date_covered from sync_watermark where connection_id = :id and stream = :stream")
                .bind("id", connectionId)
                .bind("stream", stream)
                .map(row -> Optional.ofNullable(row.get("last_date_covered", LocalDate.class)))
                .one()
                .defaultIfEmpty(Optional.empty());
    }

    /**
     * Records that {@code stream} covered every date up to {@code dateCovered}; never moves the covered date
     * back (a lookback re-read covers older dates again). A stream seen for the first time has no last success yet.
     */
    Mono<Void> cover(String connectionId, String stream, LocalDate dateCovered) {
        return db.sql("""
                insert into sync_watermark (connection_id, stream, last_success_at, last_date_covered)
                values (:id, :stream, null, :dateCovered)
                on conflict (connection_id, stream) do update set last_date_covered =
                    greatest(sync_watermark.last_date_covered, excluded.last_date_covered)
                """)
                .bind("id", connectionId)
                .bind("stream", stream)
                .bind("dateCovered", dateCovered)
                .then();
    }

    /** Records that {@code stream} was read completely at {@code syncedAt}, covering dates up to {@code dateCovered}. */
    Mono<Void> advance(String connectionId, String stream, Instant syncedAt, LocalDate dateCovered) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                insert into sync_watermark (connection_id, stream, last_success_at, last_date_covered)
                values (:id, :stream, :syncedAt, :dateCovered)
                on conflict (connection_id, stream) do update set last_success_at = excluded.last_success_at,
                    last_date_covered = excluded.last_date_covered
                """)
                .bind("id", connectionId)
                .bind("stream", stream)
                .bind("syncedAt", syncedAt);
        spec = dateCovered == null ? spec.bindNull("dateCovered", LocalDate.class) : spec.bind("dateCovered", dateCovered);
        return spec.then();
    }

    /** The watermarks of one connection, or of all when {@code connectionId} is null, by connection id. */
    Mono<Map<String, List<ConnectionOverview.Stream>>> streams(String connectionId) {
        String select = "select connection_id, stream, last_success_at, last_date_covered from sync_watermark ";
        String order = " order by connection_id, stream";
        DatabaseClient.GenericExecuteSpec spec = connectionId == null ? db.sql(select + order)
                : db.sql(select + "where connection_id = :id" + order).bind("id", connectionId);
        return spec.map(row -> Map.entry(row.get("connection_id", String.class), new ConnectionOverview.Stream(
                        row.get("stream", String.class), row.get("last_success_at", Instant.class),
                        row.get("last_date_covered", LocalDate.class))))
                .all()
                .<Map<String, List<ConnectionOverview.Stream>>>collect(HashMap::new, (byConnection, entry) -> byConnection
                        .computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
    }
}
