package io.adpulse.ingest.command;

import java.time.Instant;

/** A row of the {@code command} table: the command as received and its last recorded result (encoded CloudEvents). */
public record StoredCommand(String commandId, String fingerprint, String kind, String connectionId,
        String advertiserId, String actor, boolean dryRun, State state, String outcome, String requestEvent,
        String resultEvent, Instant requestedAt, Instant receivedAt, Instant updatedAt) {

    /** Where execution is: received, claimed for execution, sent and awaiting a later result, or finished. */
    public enum State {
        RECEIVED, EXECUTING, IN_PROGRESS, DONE
    }
}
