package io.adpulse.alerting.pacing.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The latest report of one campaign for one advertiser-local hour ({@code stat_time_hour}): spend and impressions,
 * each null when the observation did not carry it (missing is not zero).
 *
 * @param connectionId the connection the report was read through (null when unknown)
 */
public record HourlyDelivery(LocalDate localDate, int hour, BigDecimal spend, BigDecimal impressions, String currency,
        Instant observedAt, String connectionId) {

    /** When the local hour began. On a spring-forward day the skipped hour begins when the clocks jumped. */
    public Instant start(ZoneId zone) {
        return localDate.atTime(hour, 0).atZone(zone).toInstant();
    }

    /** When the local hour ended: an hour after it began. */
    public Instant end(ZoneId zone) {
        return start(zone).plus(Duration.ofHours(1));
    }

    /** Whether the report was read after the hour ended, so it is the whole hour rather than a part of it. */
    public boolean complete(ZoneId zone) {
        return !observedAt.isBefore(end(zone));
    }

    /** Whether the campaign spent or was shown in this hour. */
    public boolean delivered() {
        return (spend != null && spend.signum() > 0) || (impressions != null && impressions.signum() > 0);
    }
}
