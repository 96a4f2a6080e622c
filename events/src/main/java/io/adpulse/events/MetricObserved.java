package io.adpulse.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The latest values TikTok reports for one entity and one time bucket. {@code statDate} is the
 * advertiser's local date in {@code timeZone}; amounts are in {@code currency}. A metric that was
 * requested but not returned is listed in {@code missing}, never reported as zero. TikTok restates
 * recent days, so a later observation of the same key replaces an earlier one.
 */
public record MetricObserved(String connectionId, String advertiserId, EntityLevel level, String entityId,
        Granularity granularity, LocalDate statDate, Integer statHour, String timeZone, String currency,
        Map<String, BigDecimal> metrics, List<String> missing,
        Instant observedAt) {

    /** The natural key of the observation: what a later restatement replaces. */
    public String naturalKey() {
        return String.join("|", advertiserId, level.name(), entityId, granularity.name(), statDate.toString(),
                statHour == null ? "-" : statHour.toString());
    }
}
