package io.adpulse.events;

import java.time.Instant;
import java.util.List;

/**
 * An operator authorised Adpulse to act for a TikTok account, or the account's access token was replaced (a creator
 * token refresh publishes the same grant with the new token). The access token travels sealed.
 *
 * @param accessTokenExpiresAt when the sealed access token stops working; {@code null} for API for Business tokens,
 *                             which do not expire
 */
public record ConnectionGranted(String connectionId, ConnectionKind kind, String advertiserId,
        String displayName, SealedToken accessToken, List<String> scopes, String grantedBy,
        Instant grantedAt, Instant accessTokenExpiresAt) {

    /** A grant whose access token does not expire. */
    public ConnectionGranted(String connectionId, ConnectionKind kind, String advertiserId, String displayName,
            SealedToken accessToken, List<String> scopes, String grantedBy, Instant grantedAt) {
        this(connectionId, kind, advertiserId, displayName, accessToken, scopes, grantedBy, grantedAt, null);
    }
}
