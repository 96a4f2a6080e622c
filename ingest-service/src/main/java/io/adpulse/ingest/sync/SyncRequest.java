package io.adpulse.ingest.sync;

import java.util.List;

/** A request to sync these connections; {@code requestedBy} is the actor, or {@code system}. */
record SyncRequest(List<String> connectionIds, SyncReason reason, String requestedBy) {

    SyncRequest {
        connectionIds = List.copyOf(connectionIds);
    }
}
