package io.adpulse.ingest.sync;

/**
 * Why a sync ran: a new grant, the poll schedule, or an operator's request. {@code COMMAND} tags the TikTok calls of an
 * operator's command (a write, see {@code io.adpulse.ingest.command}), which are not syncs and never recorded as runs.
 */
public enum SyncReason {
    GRANT, SCHEDULE, MANUAL, COMMAND
}
