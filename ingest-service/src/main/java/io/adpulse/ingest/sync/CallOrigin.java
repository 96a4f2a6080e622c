package io.adpulse.ingest.sync;

/**
 * The connection a TikTok call is made for, and why its sync runs: failures are reported against the
 * connection, attempts counted on its tally and in the call metric under the sync's reason.
 */
public record CallOrigin(String connectionId, String advertiserId, SyncReason reason, SyncTally tally) {

    /** Whether the sync reads history beyond the attribution lookback (a first sync, or a resumed backfill). */
    public boolean backfilling() {
        return tally != null && tally.backfill();
    }
}
