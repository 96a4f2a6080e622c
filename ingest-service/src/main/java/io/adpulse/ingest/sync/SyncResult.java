package io.adpulse.ingest.sync;

/** The outcome of a sync run. */
public enum SyncResult {
    RUNNING, SUCCEEDED, FAILED
}
