package io.adpulse.auth.tiktok;

import java.util.List;

/**
 * What TikTok granted for an authorisation code: a long-lived advertiser access token (no refresh
 * token, it lasts until revoked), the advertisers TikTok listed with it and the permission scopes.
 */
public record BusinessGrant(String accessToken, List<String> advertiserIds, List<String> scopes) {

    public BusinessGrant {
        advertiserIds = List.copyOf(advertiserIds);
        scopes = List.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "BusinessGrant[accessToken=<redacted>, advertiserIds=" + advertiserIds + ", scopes=" + scopes + "]";
    }
}
