package io.adpulse.ingest.connection;

/**
 * In-process notification: a creator connection was granted, or granted again with a new (refreshed) token, and is
 * due a poll of its videos at once.
 */
public record CreatorConnectionActivated(String connectionId) {
}
