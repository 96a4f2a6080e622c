package io.adpulse.alerting.pacing.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How far the advertiser's local calendar day has progressed at an instant. The day runs from local
 * midnight to the next local midnight in the advertiser's time zone, so its length is the real length of
 * that day: 23 hours when clocks spring forward, 25 when they fall back, 24 otherwise. Pacing uses the
 * elapsed share of that real length rather than "hour of day / 24", because TikTok spends a daily budget
 * over the hours that actually exist in the day.
 *
 * @param localDate the advertiser's current local date (the date TikTok reports spend under)
 * @param localTime the instant as local date-time in the advertiser's zone
 * @param dayLength from local midnight to the next local midnight
 * @param elapsed from local midnight to the instant
 */
public record DayProgress(LocalDate localDate, ZonedDateTime localTime, Duration dayLength, Duration elapsed) {

    public static DayProgress at(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate date = local.toLocalDate();
        ZonedDateTime start = date.atStartOfDay(zone);
        ZonedDateTime end = date.plusDays(1).atStartOfDay(zone);
        return new DayProgress(date, local, Duration.between(start, end), Duration.between(start, local));
    }

    /** {@code elapsed / dayLength}, between 0 (local midnight) and 1 (exclusive). */
    public BigDecimal fraction() {
        return share(elapsed, dayLength);
    }

    /**
     * {@code elapsed / length} of a pacing period in real time, clamped to [0, 1]: the one definition of
     * "how far through its period a budget is", shared by daily days and lifetime flights.
     */
    public static BigDecimal share(Duration elapsed, Duration length) {
        if (elapsed.isNegative() || elapsed.isZero()) {
            return BigDecimal.ZERO;
        }
        if (elapsed.compareTo(length) >= 0) {
            return BigDecimal.ONE;
        }
        return BigDecimal.valueOf(elapsed.toMillis())
                .divide(BigDecimal.valueOf(length.toMillis()), MathContext.DECIMAL64);
    }
}
