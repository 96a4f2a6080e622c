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
 * @param streams per stream (entities, campaign-daily, advertiser-daily) the last successful sync and the
 *     last advertiser-local date covered
 */
public record ConnectionOverview(String id, String advertiserId, String displayName, ConnectionStatus status,
        String statusReason, LastSync lastSync, List<Stream> streams) {

    /**
     * One sync run. While it runs, the counters and {@code windowsDone} of {@code windowsTotal} (report
     * windows of at most 30 days) show its progress; they are checkpointed after every window.
     */
    public record LastSync(long runId, SyncReason reason, String requestedBy, Instant startedAt,
            Instant finishedAt, SyncResult result, long rowsRead, long apiCalls, long eventsPublished,
            int windowsDone, int windowsTotal, String error) {
    }

    /** A stream's watermark: when it last synced completely, and the last local date it covered (reports only). */
    public record Stream(String stream, Instant lastSuccessAt, LocalDate lastDateCovered) {
    }
}
