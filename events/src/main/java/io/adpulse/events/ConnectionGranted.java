package io.adpulse.events;

import java.time.Instant;
import java.util.List;

/** An operator authorised Adpulse to act for a TikTok account; the access token travels sealed. */
public record ConnectionGranted(String connectionId, ConnectionKind kind, String advertiserId,
        String displayName, SealedToken accessToken, List<String> scopes, String grantedBy,
        Instant grantedAt) {
}
