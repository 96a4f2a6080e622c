package io.adpulse.ingest.sync;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * One row of a report: the entity, the advertiser-local date (and hour 0-23 for hourly reports, else
 * null), the metric values TikTok returned and the requested metrics it did not return (absent or
 * {@code "-"}), which must never read as zero.
 */
public record ReportRow(String entityId, LocalDate statDate, Integer statHour, SortedMap<String, BigDecimal> metrics,
        List<String> missing) {
}
