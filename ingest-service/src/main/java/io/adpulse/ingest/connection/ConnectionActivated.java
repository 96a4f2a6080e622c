package io.adpulse.ingest.connection;

/** In-process notification: an advertiser connection was granted, or granted again with a new token, and is due a first sync. */
public record ConnectionActivated(String connectionId) {
}
