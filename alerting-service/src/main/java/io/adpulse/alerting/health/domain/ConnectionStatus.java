package io.adpulse.alerting.health.domain;

/** Where a connection stands, as far as {@code tiktok.connections.v1} told. */
public enum ConnectionStatus {
    /** Granted (again): ingest-service syncs it. */
    ACTIVE,
    /** Revoked: disconnected by an operator, or by auth-service because TikTok refused its token. */
    REVOKED,
    /** Tombstoned: the connection is gone. */
    REMOVED
}
