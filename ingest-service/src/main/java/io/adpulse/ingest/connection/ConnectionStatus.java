package io.adpulse.ingest.connection;

/**
 * Whether a connection is polled: only {@code ACTIVE} ones are. {@code NEEDS_REAUTH}: TikTok rejected its
 * access token, so polling stops until a new grant arrives. {@code REVOKED}: disconnected, token forgotten.
 */
public enum ConnectionStatus {
    ACTIVE, NEEDS_REAUTH, REVOKED
}
