package io.adpulse.reporting.metric;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Granularity;
import io.adpulse.events.InvalidEventException;
import io.adpulse.events.MetricObserved;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The metrics of one entity in one advertiser-local hour ({@code statDate} at {@code statHour}, 0-23), as of
 * {@code observedAt}. A {@code null} metric was not reported by TikTok: it is unknown, not zero.
 */
record HourlyMetric(String advertiserId, EntityLevel level, String entityId, LocalDate statDate, int statHour,
        String connectionId, BigDecimal spend, BigDecimal impressions, BigDecimal clicks, BigDecimal reach,
        BigDecimal conversions, BigDecimal conversionValue, BigDecimal videoViews, String currency,
        String timeZone, Instant observedAt, String eventId) {

    /** The row for an {@link Granularity#HOUR} observation; one without an hour cannot be stored. */
    static HourlyMetric from(EventEnvelope<MetricObserved> event) {
        MetricObserved m = event.data();
        if (m.granularity() != Granularity.HOUR) {
            throw new IllegalArgumentException("not an hourly observation: " + m.naturalKey());
        }
        if (m.statHour() == null || m.statHour() < 0 || m.statHour() > 23) {
            throw new InvalidEventException("hourly metric observation " + m.naturalKey()
                    + " has no statHour between 0 and 23");
        }
        return new HourlyMetric(m.advertiserId(), m.level(), m.entityId(), m.statDate(), m.statHour(),
                m.connectionId(), DailyMetric.value(m, MetricName.SPEND), DailyMetric.value(m, MetricName.IMPRESSIONS),
                DailyMetric.value(m, MetricName.CLICKS), DailyMetric.value(m, MetricName.REACH),
                DailyMetric.value(m, MetricName.CONVERSIONS), DailyMetric.value(m, MetricName.CONVERSION_VALUE),
                DailyMetric.value(m, MetricName.VIDEO_VIEWS), m.currency(), m.timeZone(), m.observedAt(), event.id());
    }
}
