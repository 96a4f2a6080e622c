package io.adpulse.auth.tiktok;

import java.util.List;

/**
 * A Login Kit token answer: the TikTok user, the scopes granted, a short-lived access token and a
 * refresh token (rotated: the one used to obtain this answer no longer works).
 *
 * @param expiresInSeconds        access token lifetime ({@code expires_in})
 * @param refreshExpiresInSeconds refresh token lifetime ({@code refresh_expires_in})
 */
public record CreatorTokens(String openId, List<String> scopes, String accessToken, long expiresInSeconds,
        String refreshToken, long refreshExpiresInSeconds) {

    public CreatorTokens {
        scopes = List.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "CreatorTokens[openId=" + openId + ", scopes=" + scopes + ", accessToken=<redacted>, expiresIn="
                + expiresInSeconds + ", refreshToken=<redacted>, refreshExpiresIn=" + refreshExpiresInSeconds + "]";
    }
}
