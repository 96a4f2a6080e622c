package io.adpulse.ingest.sync;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How far a sync got, for the operations API and as gauges. Progress is counted in report windows (one
 * request each, at most 30 days of one stream): percent is windows read of windows planned; the estimated
 * finish extrapolates the time the finished windows took to the remaining ones.
 *
 * <p>Gauges, tagged {@code connection}, follow the latest sync of each connection run by this instance:
 * {@code adpulse.ingest.sync.progress} (percent), {@code adpulse.ingest.sync.rows} (rows read),
 * {@code adpulse.ingest.sync.calls} (TikTok calls), {@code adpulse.ingest.sync.eta} (seconds until the
 * estimated finish, 0 once finished) and {@code adpulse.ingest.sync.backfill} (1 while that sync backfills).
 */
@Component
public class SyncProgress {

    static final String PROGRESS = "adpulse.ingest.sync.progress";
    static final String ROWS = "adpulse.ingest.sync.rows";
    static final String CALLS = "adpulse.ingest.sync.calls";
    static final String ETA = "adpulse.ingest.sync.eta";
    static final String BACKFILL = "adpulse.ingest.sync.backfill";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Live> latest = new ConcurrentHashMap<>();

    SyncProgress(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Percent of the planned windows read: 0 before planning, 100 once a sync succeeded. */
    static int percent(int windowsDone, int windowsTotal, SyncResult result) {
        if (result == SyncResult.SUCCEEDED) {
            return 100;
        }
        if (windowsTotal <= 0) {
            return 0;
        }
        return (int) Math.min(100, (long) windowsDone * 100 / windowsTotal);
    }

    /** When a running sync should finish at its pace so far; null when finished or before its first window. */
    static Instant estimatedFinish(Instant startedAt, Instant now, int windowsDone, int windowsTotal, SyncResult result) {
        if (result != SyncResult.RUNNING || windowsDone <= 0 || windowsTotal <= 0 || startedAt == null) {
            return null;
        }
        if (windowsDone >= windowsTotal) {
            return now;
        }
        Duration elapsed = Duration.between(startedAt, now);
        if (elapsed.isNegative()) {
            elapsed = Duration.ZERO;
        }
        Duration remaining = elapsed.multipliedBy(windowsTotal - windowsDone).dividedBy(windowsDone);
        return now.plus(remaining);
    }

    void started(String connectionId, Instant startedAt, SyncTally tally) {
        Live previous = latest.put(connectionId, new Live(startedAt, tally));
        if (previous == null) {
            register(connectionId);
        }
    }

    void finished(String connectionId, SyncTally tally, boolean failed) {
        latest.computeIfPresent(connectionId, (id, live) -> live.tally() == tally
                ? live.finished(failed ? SyncResult.FAILED : SyncResult.SUCCEEDED) : live);
    }

    private void register(String connectionId) {
        gauge(PROGRESS, "Percent of the report windows of the connection's latest sync read", connectionId,
                live -> percent(live.tally().windowsDone(), live.tally().windowsPlanned(), live.result()));
        gauge(ROWS, "Rows read by the connection's latest sync", connectionId, live -> live.tally().rows());
        gauge(CALLS, "TikTok calls of the connection's latest sync", connectionId, live -> live.tally().calls());
        gauge(ETA, "Seconds until the connection's running sync is estimated to finish", connectionId, live -> {
            Instant now = clock.instant();
            Instant finish = estimatedFinish(live.startedAt(), now, live.tally().windowsDone(),
                    live.tally().windowsPlanned(), live.result());
            return finish == null ? 0 : Duration.between(now, finish).toMillis() / 1000.0;
        });
        gauge(BACKFILL, "1 while the connection's latest sync backfills history", connectionId,
                live -> live.result() == SyncResult.RUNNING && live.tally().backfill() ? 1 : 0);
    }

    private void gauge(String name, String description, String connectionId,
            java.util.function.ToDoubleFunction<Live> value) {
        Gauge.builder(name, this, progress -> {
                    Live live = progress.latest.get(connectionId);
                    return live == null ? Double.NaN : value.applyAsDouble(live);
                })
                .description(description)
                .tag("connection", connectionId)
                .register(registry);
    }

    /** The latest sync of a connection in this instance. */
    private record Live(Instant startedAt, SyncTally tally, SyncResult result) {

        Live(Instant startedAt, SyncTally tally) {
            this(startedAt, tally, SyncResult.RUNNING);
        }

        Live finished(SyncResult outcome) {
            return new Live(startedAt, tally, outcome);
        }
    }
}
