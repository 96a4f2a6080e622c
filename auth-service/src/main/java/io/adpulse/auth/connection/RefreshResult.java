package io.adpulse.auth.connection;

/**
 * The outcome of refreshing a connection's tokens.
 *
 * @param connection the connection afterwards
 * @param outcome    what happened
 * @param detail     a human explanation, never a token
 */
public record RefreshResult(Connection connection, Outcome outcome, String detail) {

    public enum Outcome {
        /** TikTok issued a new pair; both are stored and the new access token is published. */
        REFRESHED,
        /** Another refresh of this connection is in progress; it will store the new pair. */
        IN_PROGRESS,
        /** The connection was re-authorised or disconnected while refreshing; the newer state was kept. */
        SUPERSEDED,
        /** Nothing to refresh: an advertiser token (no expiry), or the connection is not ACTIVE. */
        NOT_REFRESHABLE,
        /** TikTok refused the refresh token: the connection is now NEEDS_REAUTH. */
        NEEDS_REAUTH,
        /** TikTok could not answer (or the token could not be decrypted); retried after the retry delay. */
        RETRY_LATER
    }
}
