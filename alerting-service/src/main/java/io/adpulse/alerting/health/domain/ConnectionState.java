package io.adpulse.alerting.health.domain;

import java.time.Instant;

/**
 * What the health rules know about one connection: its latest grant or revocation, and when a metric observation
 * read through it last arrived.
 *
 * @param reason why it was revoked (auth-service writes {@code NEEDS_REAUTH:<TikTok code>} when TikTok refused the
 *        token), null while active
 * @param accessTokenExpiresAt when the latest grant's access token stops working; null when it does not expire
 * @param lastMetricAt when the latest metric observation of the connection was observed; null before the first
 */
public record ConnectionState(String connectionId, String advertiserId, ConnectionStatus status, String reason,
        Instant grantedAt, Instant revokedAt, Instant accessTokenExpiresAt, Instant lastMetricAt) {

    /** The prefix of the revocation reason auth-service writes when TikTok refused the connection's token. */
    public static final String NEEDS_REAUTH = "NEEDS_REAUTH";

    /** Revoked because TikTok refused the token: someone must authorise the connection again. */
    public boolean needsReauth() {
        return status == ConnectionStatus.REVOKED && reason != null && reason.startsWith(NEEDS_REAUTH);
    }

    /** Revoked on purpose (not for want of a valid token) or removed: the connection is not supposed to sync. */
    public boolean disconnected() {
        return status == ConnectionStatus.REMOVED || (status == ConnectionStatus.REVOKED && !needsReauth());
    }

    /** "connection c-1 (advertiser 7002)" or "connection c-1". */
    public String describe() {
        return describe(connectionId, advertiserId);
    }

    public static String describe(String connectionId, String advertiserId) {
        return "connection " + connectionId + (advertiserId == null ? "" : " (advertiser " + advertiserId + ")");
    }
}
