package io.adpulse.ingest.sync;

import io.adpulse.ingest.connection.ConnectionStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code sync_run} table: one row per connection per sync, with its outcome and counts. */
@Repository
class SyncRunRepository {

    private static final int MAX_ERROR_LENGTH = 1000;
    static final String INTERRUPTED = "Interrupted: ingest-service stopped before this sync finished; the next sync "
            + "resumes after its last finished report window";

    private final DatabaseClient db;
    private final Clock clock;

    SyncRunRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Mono<Long> start(String connectionId, SyncRequest request, Instant startedAt) {
        return db.sql("""
                insert into sync_run (connection_id, reason, requested_by, started_at, result)
                values (:connectionId, :reason, :requestedBy, :startedAt, 'RUNNING')
                returning id
                """)
                .bind("connectionId", connectionId)
                .bind("reason", request.reason().name())
                .bind("requestedBy", request.requestedBy())
                .bind("startedAt", startedAt)
                .map(row -> row.get("id", Long.class))
                .one();
    }

    /**
     * Marks the runs still recorded as running as failed: called when the service starts, they were cut off
     * by a crash or a shutdown. Their streams resume after the last finished window on the next sync.
     */
    Mono<Long> interruptRunning(Instant now) {
        return db.sql("""
                update sync_run set result = 'FAILED', finished_at = :now, error = :error
                where result = 'RUNNING'
                """)
                .bind("now", now)
                .bind("error", INTERRUPTED)
                .fetch().rowsUpdated();
    }

    /** Saves a running sync's counters and progress, so the operations API shows how far it got. */
    Mono<Void> checkpoint(long runId, SyncTally tally) {
        return db.sql("""
                update sync_run set rows_read = :rows, api_calls = :calls, events_published = :published,
                       windows_total = :windowsTotal, windows_done = :windowsDone, backfill = :backfill
                where id = :id and result = 'RUNNING'
                """)
                .bind("backfill", tally.backfill())
                .bind("id", runId)
                .bind("rows", tally.rows())
                .bind("calls", tally.calls())
                .bind("published", tally.published())
                .bind("windowsTotal", tally.windowsPlanned())
                .bind("windowsDone", tally.windowsDone())
                .then();
    }

    Mono<Void> finish(long runId, SyncTally tally, String error, Instant finishedAt) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                update sync_run set finished_at = :finishedAt, result = :result, rows_read = :rows,
                       api_calls = :calls, events_published = :published, windows_total = :windowsTotal,
                       windows_done = :windowsDone, backfill = :backfill, error = :error
                where id = :id
                """)
                .bind("backfill", tally.backfill())
                .bind("id", runId)
                .bind("finishedAt", finishedAt)
                .bind("result", (error == null ? SyncResult.SUCCEEDED : SyncResult.FAILED).name())
                .bind("rows", tally.rows())
                .bind("calls", tally.calls())
                .bind("published", tally.published())
                .bind("windowsTotal", tally.windowsPlanned())
                .bind("windowsDone", tally.windowsDone());
        spec = error == null ? spec.bindNull("error", String.class)
                : spec.bind("error", error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
        return spec.then();
    }

    /** Connections (one, or all when {@code connectionId} is null) with their latest run, by connection id. */
    Flux<ConnectionOverview> overview(String connectionId) {
        String select = """
                select c.id, c.advertiser_id, c.display_name, c.status, c.status_reason, r.id as run_id, r.reason,
                       r.requested_by, r.started_at, r.finished_at, r.result, r.rows_read, r.api_calls,
                       r.events_published, r.windows_done, r.windows_total, r.backfill, r.error
                from connection c
                left join lateral (select * from sync_run s where s.connection_id = c.id order by s.id desc limit 1) r
                       on true
                """;
        String order = " order by c.id";
        DatabaseClient.GenericExecuteSpec spec = connectionId == null ? db.sql(select + order)
                : db.sql(select + "where c.id = :id" + order).bind("id", connectionId);
        return spec.map((row, meta) -> new ConnectionOverview(row.get("id", String.class),
                        row.get("advertiser_id", String.class), row.get("display_name", String.class),
                        ConnectionStatus.valueOf(row.get("status", String.class)), row.get("status_reason", String.class),
                        lastSync(row, clock.instant()), List.of()))
                .all();
    }

    private static ConnectionOverview.LastSync lastSync(io.r2dbc.spi.Readable row, Instant now) {
        Long runId = row.get("run_id", Long.class);
        if (runId == null) {
            return null;
        }
        Instant startedAt = row.get("started_at", Instant.class);
        SyncResult result = SyncResult.valueOf(row.get("result", String.class));
        int done = row.get("windows_done", Integer.class);
        int total = row.get("windows_total", Integer.class);
        return new ConnectionOverview.LastSync(runId, SyncReason.valueOf(row.get("reason", String.class)),
                row.get("requested_by", String.class), startedAt, row.get("finished_at", Instant.class), result,
                Boolean.TRUE.equals(row.get("backfill", Boolean.class)), row.get("rows_read", Long.class),
                row.get("api_calls", Long.class), row.get("events_published", Long.class), done, total,
                SyncProgress.percent(done, total, result), SyncProgress.estimatedFinish(startedAt, now, done, total, result),
                row.get("error", String.class));
    }
}
