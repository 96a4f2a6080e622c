package io.adpulse.ingest.sync;

import io.adpulse.ingest.connection.ConnectionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A connection as the operations API shows it: its status (and why it is not active), its latest sync
 * run with that run's progress, and how far each stream got.
 *
 * @param statusReason why the connection is not active (the revocation reason, or TikTok's rejection of
 *     the token); null while active
 * @param lastSync the latest sync run, running or finished; null before the first
 * @param streams per stream (entities, campaign-daily, advertiser-daily, adgroup-daily, ad-daily,
 *     campaign-hourly) the last complete sync and the last advertiser-local date covered
 */
public record ConnectionOverview(String id, String advertiserId, String displayName, ConnectionStatus status,
        String statusReason, LastSync lastSync, List<Stream> streams) {

    /**
     * One sync run. While it runs, the counters and {@code windowsDone} of {@code windowsTotal} (report
     * windows, one request each) show its progress; they are checkpointed after every window.
     *
     * @param backfill whether the run reads history beyond the attribution lookback (a first sync, or one
     *     resuming an interrupted backfill)
     * @param percent windows read of windows planned, 0 to 100 (100 once succeeded)
     * @param estimatedFinishAt while running, when it should finish at its pace so far; null otherwise or
     *     before its first window
     */
    public record LastSync(long runId, SyncReason reason, String requestedBy, Instant startedAt,
            Instant finishedAt, SyncResult result, boolean backfill, long rowsRead, long apiCalls,
            long eventsPublished, int windowsDone, int windowsTotal, int percent, Instant estimatedFinishAt,
            String error) {
    }

    /**
     * A stream's watermark: when it last synced completely (null until its first complete sync), and the
     * last local date it covered (reports only; moves after every window).
     */
    public record Stream(String stream, Instant lastSuccessAt, LocalDate lastDateCovered) {
    }
}
