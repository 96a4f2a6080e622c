package io.adpulse.ingest.sync;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one connection's sync: HTTP calls to TikTok, rows read, events published, report windows
 * planned and read so far (the sync's progress), and whether it backfills (reads history beyond the
 * attribution lookback: a connection's first sync, or one resuming an interrupted backfill).
 */
public final class SyncTally {

    private final LongAdder calls = new LongAdder();
    private final LongAdder rows = new LongAdder();
    private final LongAdder published = new LongAdder();
    private final AtomicInteger windowsPlanned = new AtomicInteger();
    private final AtomicInteger windowsDone = new AtomicInteger();
    private volatile boolean backfill;

    public void callMade() {
        calls.increment();
    }

    void rowRead() {
        rows.increment();
    }

    void eventPublished() {
        published.increment();
    }

    void windowsPlanned(int windows) {
        windowsPlanned.set(windows);
    }

    void windowDone() {
        windowsDone.incrementAndGet();
    }

    void backfilling() {
        backfill = true;
    }

    public long calls() {
        return calls.sum();
    }

    public long rows() {
        return rows.sum();
    }

    public long published() {
        return published.sum();
    }

    int windowsPlanned() {
        return windowsPlanned.get();
    }

    int windowsDone() {
        return windowsDone.get();
    }

    boolean backfill() {
        return backfill;
    }
}
