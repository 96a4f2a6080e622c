package io.adpulse.ingest.sync;

/** Why a sync ran: a new grant, the poll schedule, or an operator's request. */
public enum SyncReason {
    GRANT, SCHEDULE, MANUAL
}
