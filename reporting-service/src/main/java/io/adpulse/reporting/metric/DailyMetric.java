package io.adpulse.reporting.metric;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Granularity;
import io.adpulse.events.MetricObserved;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one entity on one advertiser-local date, as of {@code observedAt}. A {@code null} metric
 * was not reported by TikTok: it is unknown, not zero.
 */
record DailyMetric(String advertiserId, EntityLevel level, String entityId, LocalDate statDate,
        String connectionId, BigDecimal spend, BigDecimal impressions, BigDecimal clicks, BigDecimal reach,
        BigDecimal conversions, BigDecimal conversionValue, BigDecimal videoViews, String currency,
        String timeZone, Instant observedAt, String eventId) {

    /** The row for a {@link Granularity#DAY} observation. */
    static DailyMetric from(EventEnvelope<MetricObserved> event) {
        MetricObserved m = event.data();
        if (m.granularity() != Granularity.DAY) {
            throw new IllegalArgumentException("not a daily observation: " + m.naturalKey());
        }
        return new DailyMetric(m.advertiserId(), m.level(), m.entityId(), m.statDate(), m.connectionId(),
                value(m, MetricName.SPEND), value(m, MetricName.IMPRESSIONS), value(m, MetricName.CLICKS),
                value(m, MetricName.REACH), value(m, MetricName.CONVERSIONS), value(m, MetricName.CONVERSION_VALUE),
                value(m, MetricName.VIDEO_VIEWS), m.currency(), m.timeZone(), m.observedAt(), event.id());
    }

    /** A metric listed as missing is unknown even if a value came along with it; an absent one too. */
    static BigDecimal value(MetricObserved observed, String name) {
        List<String> missing = observed.missing();
        Map<String, BigDecimal> metrics = observed.metrics();
        if (missing != null && missing.contains(name)) {
            return null;
        }
        return metrics == null ? null : metrics.get(name);
    }
}
