package io.adpulse.reporting.pacing;

import io.adpulse.reporting.kpi.Rounding;
import io.adpulse.pacing.IntradayCurve;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Pacing arithmetic, free of I/O. A budget is paced over its current period: the advertiser's local day for a daily
 * budget ({@code BUDGET_MODE_DAY}), the delivery schedule for a lifetime budget ({@code BUDGET_MODE_TOTAL}). The
 * share of the budget expected by now is, for a daily budget, the share of a day's spend the account has usually spent
 * by this local time ({@link IntradayCurve}, learned from its own hourly spend, the same curve alerting-service's
 * {@code daily-budget-pacing} rule uses), else the elapsed share of the period (real time, so a 23- or 25-hour day at
 * a daylight-saving change is paced over its true length). Expected by now = budget × that share; the projection to
 * the end of the period extrapolates the spend so far the same way (spent / share).
 *
 * <p>Status: {@code OVERSPENT} when the spend so far exceeds the budget; otherwise {@code OVER} or {@code UNDER}
 * when the projection is beyond the budget by more than the tolerance either way, else {@code ON_TRACK}. A
 * lifetime budget before its schedule starts is {@code NOT_STARTED}; after it ends {@code ENDED} (the projection is
 * then the final spend) unless under- or overspent; without a full schedule it cannot be paced
 * ({@code NO_SCHEDULE}). No spend observed in the period is {@code NO_DATA}, never a zero; an advertiser whose time
 * zone is unknown cannot be paced ({@code NO_TIME_ZONE}).
 */
final class Pace {

    static final String DAILY = "BUDGET_MODE_DAY";
    static final String LIFETIME = "BUDGET_MODE_TOTAL";

    private Pace() {
    }

    /** The states a pace can be in. */
    enum Status { ON_TRACK, UNDER, OVER, OVERSPENT, NOT_STARTED, ENDED, NO_SCHEDULE, NO_DATA, NO_TIME_ZONE }

    /**
     * The current period of a budget in the advertiser's zone: its start and end (either may be {@code null} for a
     * lifetime budget without a full schedule), and the local dates whose spend counts ({@code null} when none).
     */
    record Period(ZonedDateTime start, ZonedDateTime end, LocalDate fromDate, LocalDate toDate) {

        static Period of(String mode, ZoneId zone, Instant now, Instant scheduleStart, Instant scheduleEnd) {
            if (DAILY.equals(mode)) {
                LocalDate today = now.atZone(zone).toLocalDate();
                return new Period(today.atStartOfDay(zone), today.plusDays(1).atStartOfDay(zone), today, today);
            }
            ZonedDateTime start = scheduleStart == null ? null : scheduleStart.atZone(zone);
            ZonedDateTime end = scheduleEnd == null ? null : scheduleEnd.atZone(zone);
            if (start == null || now.isBefore(scheduleStart)) {
                return new Period(start, end, null, null);
            }
            LocalDate today = now.atZone(zone).toLocalDate();
            // The end instant itself is excluded: a schedule ending at local midnight does not spend on that day.
            LocalDate last = end == null ? today : end.minusNanos(1).toLocalDate();
            return new Period(start, end, start.toLocalDate(), today.isBefore(last) ? today : last);
        }

        /** Elapsed share of the period at {@code now}, from 0 to 1; {@code null} without a full period. */
        BigDecimal elapsed(Instant now) {
            if (start == null || end == null || !end.isAfter(start)) {
                return null;
            }
            long total = Duration.between(start, end).toMillis();
            long done = Math.max(0, Math.min(total, Duration.between(start.toInstant(), now).toMillis()));
            return BigDecimal.valueOf(done).divide(BigDecimal.valueOf(total), MathContext.DECIMAL128);
        }
    }

    /**
     * Expected spend by now, projection to the end and status, unrounded; {@code curveDays} is the number of days the
     * learned curve behind {@code expected} was learned from, 0 when spend is expected linearly.
     */
    record Result(BigDecimal elapsed, BigDecimal expected, BigDecimal projected, Status status, int curveDays) {

        /** The elapsed share rounded for display. */
        BigDecimal elapsedShown() {
            return elapsed == null ? null : elapsed.setScale(Rounding.RATIO_SCALE, Rounding.MODE);
        }
    }

    static Result of(String mode, Period period, Instant now, BigDecimal budget, BigDecimal spent,
            BigDecimal tolerance) {
        return of(mode, period, now, budget, spent, tolerance, IntradayCurve.linear());
    }

    /** As {@link #of(String, Period, Instant, BigDecimal, BigDecimal, BigDecimal)}, a daily budget on {@code curve}. */
    static Result of(String mode, Period period, Instant now, BigDecimal budget, BigDecimal spent,
            BigDecimal tolerance, IntradayCurve curve) {
        BigDecimal elapsed = period.elapsed(now);
        boolean onCurve = DAILY.equals(mode) && curve.learned() && elapsed != null;
        BigDecimal share = onCurve ? curve.fractionAt(now.atZone(period.start().getZone()).toLocalTime(), elapsed)
                : elapsed;
        BigDecimal expected = share == null ? null : budget.multiply(share);
        boolean notStarted = LIFETIME.equals(mode) && period.start() != null
                && now.isBefore(period.start().toInstant());
        boolean ended = LIFETIME.equals(mode) && period.end() != null && !now.isBefore(period.end().toInstant());
        BigDecimal projected = null;
        if (spent != null) {
            if (ended) {
                projected = spent;
            } else if (share != null && share.signum() > 0) {
                projected = spent.divide(share, MathContext.DECIMAL128);
            }
        }
        return new Result(elapsed, expected, projected, status(mode, period, notStarted, ended, budget, spent,
                projected, tolerance), onCurve ? curve.days() : 0);
    }

    private static Status status(String mode, Period period, boolean notStarted, boolean ended, BigDecimal budget,
            BigDecimal spent, BigDecimal projected, BigDecimal tolerance) {
        if (notStarted) {
            return Status.NOT_STARTED;
        }
        if (spent == null) {
            return LIFETIME.equals(mode) && (period.start() == null || period.end() == null) ? Status.NO_SCHEDULE
                    : Status.NO_DATA;
        }
        if (spent.compareTo(budget) > 0) {
            return Status.OVERSPENT;
        }
        if (LIFETIME.equals(mode) && (period.start() == null || period.end() == null)) {
            return Status.NO_SCHEDULE;
        }
        BigDecimal high = budget.multiply(BigDecimal.ONE.add(tolerance));
        BigDecimal low = budget.multiply(BigDecimal.ONE.subtract(tolerance));
        if (projected == null) {
            return spent.signum() > 0 ? Status.OVER : Status.ON_TRACK;
        }
        if (projected.compareTo(low) < 0) {
            return Status.UNDER;
        }
        if (ended) {
            return Status.ENDED;
        }
        return projected.compareTo(high) > 0 ? Status.OVER : Status.ON_TRACK;
    }
}
