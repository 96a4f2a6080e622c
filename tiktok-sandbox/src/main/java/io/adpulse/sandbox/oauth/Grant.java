package io.adpulse.sandbox.oauth;

import java.util.List;

import io.adpulse.sandbox.api.ApiError;
import io.adpulse.sandbox.api.ApiException;

/**
 * What one authorization allowed: which app may act for which advertisers, with which permission scopes.
 *
 * @param appId         the developer app
 * @param advertiserIds the advertisers the user ticked on the consent page
 * @param scope         TikTok's numeric permission ids
 */
public record Grant(String appId, List<String> advertiserIds, List<Integer> scope) {

    /** TikTok's scopes the sandbox grants: ad account management, ads management, reporting. */
    public static final List<Integer> SCOPE = List.of(1, 2, 4);

    public Grant {
        advertiserIds = List.copyOf(advertiserIds);
        scope = List.copyOf(scope);
    }

    /** Fails with TikTok's 40001 unless this grant covers the advertiser. */
    public void requireAdvertiser(String advertiserId) {
        if (!advertiserIds.contains(advertiserId)) {
            throw new ApiException(ApiError.PERMISSION_ERROR,
                    "No permission to operate advertiser " + advertiserId + ": the access token was not authorised for it.");
        }
    }
}
