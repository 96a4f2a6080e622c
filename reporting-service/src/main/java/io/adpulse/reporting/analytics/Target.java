package io.adpulse.reporting.analytics;

import io.adpulse.reporting.brand.Selections;
import io.adpulse.reporting.web.AdvertiserIds;
import io.adpulse.reporting.web.InvalidRequestException;

/**
 * Whom a single-scope report (time series, overview, top) is about: an advertiser ({@code advertiserId}), a brand
 * ({@code brand}) or a client ({@code client}). With {@code advertiserId} the report is that advertiser's, and a
 * {@code brand} or {@code client} also given must contain it; without, it rolls up every advertiser of the brand
 * (within the client, when both are given) or of the client.
 */
record Target(String advertiserId, String brandId, String clientId) {

    static Target parse(String advertiserId, String brand, String client) {
        String b = Selections.groupId("brand", brand);
        String c = Selections.groupId("client", client);
        if (advertiserId == null && b == null && c == null) {
            throw new InvalidRequestException("'advertiserId', 'brand' or 'client' is required");
        }
        return new Target(advertiserId == null ? null : AdvertiserIds.check("advertiserId", advertiserId), b, c);
    }

    /** A short label for file names: the advertiser, {@code brand-<id>} or {@code client-<id>}. */
    String label() {
        if (advertiserId != null) {
            return advertiserId;
        }
        return brandId != null ? "brand-" + brandId : "client-" + clientId;
    }
}
