package io.adpulse.reporting.brand;

import java.util.List;

/**
 * The advertisers a report covers, from its filters: {@code advertiserId} (named ones), {@code brand} and
 * {@code client}. Given filters combine (an advertiser must pass each); {@code advertiserIds} is {@code null}
 * when no filter was given (every advertiser), else the sorted ids that pass, possibly none.
 *
 * @param named        the advertiser ids the request named, in order (empty when none)
 * @param brandId      the {@code brand} filter, or {@code null}
 * @param clientId     the {@code client} filter, or {@code null}
 * @param advertiserIds the advertisers covered; {@code null} for all
 */
public record Selection(List<String> named, String brandId, String clientId, List<String> advertiserIds) {

    /** Whether the report is about a brand or client rather than named advertisers only. */
    public boolean grouped() {
        return brandId != null || clientId != null;
    }

    /** A short label for file names: the one advertiser, {@code brand-<id>}, {@code client-<id>}, {@code selected} or {@code all}. */
    public String label() {
        if (named.size() == 1) {
            return named.get(0);
        }
        if (!named.isEmpty()) {
            return "selected";
        }
        if (brandId != null) {
            return "brand-" + brandId;
        }
        return clientId != null ? "client-" + clientId : "all";
    }
}
