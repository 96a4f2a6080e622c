package io.adpulse.ingest.sync;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * An advertiser account as {@code /advertiser/info/} describes it. {@code displayTimeZone} is the IANA
 * zone TikTok shows and reports in; {@code timeZone} is TikTok's older field (e.g. {@code Etc/GMT+8}).
 */
public record AdvertiserInfo(String advertiserId, String name, String status, String currency,
        String displayTimeZone, String timeZone, Map<String, String> attributes) {

    /**
     * The zone the advertiser's report dates are in: {@code display_timezone}, or {@code timezone} when
     * that is absent or not a zone id. Without either, report dates cannot be placed, so it fails.
     */
    public ZoneId zone() {
        for (String candidate : new String[] {displayTimeZone, timeZone}) {
            if (candidate != null && !candidate.isBlank()) {
                try {
                    return ZoneId.of(candidate.trim());
                } catch (DateTimeException e) {
                    // not a zone id: try the next field
                }
            }
        }
        throw new IllegalStateException("advertiser " + advertiserId + " has no usable time zone (display_timezone='"
                + displayTimeZone + "', timezone='" + timeZone + "')");
    }

    /** The ISO 4217 account currency; every amount of the advertiser is in it. */
    public String requireCurrency() {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalStateException("advertiser " + advertiserId + " has no ISO currency code (currency='"
                    + currency + "')");
        }
        return currency;
    }
}
