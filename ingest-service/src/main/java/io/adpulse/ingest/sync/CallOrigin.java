package io.adpulse.ingest.sync;

/** The connection a TikTok call is made for: failures are reported against it, attempts counted on its tally. */
public record CallOrigin(String connectionId, String advertiserId, SyncTally tally) {
}
