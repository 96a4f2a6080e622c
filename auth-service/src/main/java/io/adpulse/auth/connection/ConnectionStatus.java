package io.adpulse.auth.connection;

/** Lifecycle of a connection. */
public enum ConnectionStatus {
    /** The token works; ingest-service may poll the account. */
    ACTIVE,
    /** TikTok rejected the token (expired, revoked on TikTok's side, advertiser logged out): an operator must authorise again. */
    NEEDS_REAUTH,
    /** An operator disconnected the account; the token was revoked at TikTok and deleted here. */
    REVOKED
}
