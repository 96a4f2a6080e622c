package io.adpulse.pacing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an account's spend usually accrues through its local day: the share of a day's spend reported by the end of
 * each local hour, learned from the account's own hourly reports of its recent complete days. Accounts rarely spend
 * evenly: a shop selling to one country spends little at night and most in the evening, so "a third of the budget by
 * 08:00" would call it behind every morning. Pacing expects {@code budget × fractionAt(now)}.
 *
 * <p>A curve is learned only from enough history: at least {@code minDays} days with spend among the last
 * {@code historyDays} complete local days, every one of those days weighing the same (its hours' spend divided by its
 * total, so one big day does not dominate). Hours TikTok did not report count as no spend in them, as TikTok reports
 * no row for an hour without delivery. Without enough history the curve is {@link #linear()}: the elapsed share of
 * the real day length, which is what pacing did before it knew the account.
 *
 * <p>Shared by alerting-service (the {@code daily-budget-pacing} rule) and reporting-service (the dashboard's
 * pacing panel), so that both expect the same spend by now from the same history.
 *
 * <p>Within an hour the hour's share accrues evenly. Hours are the advertiser's local clock hours, the hours TikTok
 * reports by ({@code stat_time_hour}): on a spring-forward day the skipped hour's share is reached when the clocks
 * jump, and on a fall-back day the repeated hour keeps the share it reached the first time.
 */
public final class IntradayCurve {

    private static final MathContext MATH = MathContext.DECIMAL64;
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final IntradayCurve LINEAR = new IntradayCurve(null, 0);

    /** Share of the day's spend within each local hour 0–23; null for the linear curve. */
    private final BigDecimal[] hourShares;
    private final int days;

    private IntradayCurve(BigDecimal[] hourShares, int days) {
        this.hourShares = hourShares;
        this.days = days;
    }

    /**
     * How many recent days the curve is learned from and how many of them must have spend.
     *
     * @param historyDays complete local days before today that are looked at
     * @param minDays fewest of them with spend for a curve to be learned; fewer fall back to linear
     */
    public record Settings(int historyDays, int minDays) {

        public Settings {
            if (historyDays < 1 || minDays < 1 || minDays > historyDays) {
                throw new IllegalArgumentException("need 1 <= min-days <= history-days, got min-days " + minDays
                        + " and history-days " + historyDays);
            }
        }

        public static Settings defaults() {
            return new Settings(14, 7);
        }
    }

    /** Spend of one local hour of one local date, summed over the account's campaigns. */
    public record HourSpend(LocalDate localDate, int hour, BigDecimal spend) {
    }

    /** Spend accrues evenly over the real length of the local day. */
    public static IntradayCurve linear() {
        return LINEAR;
    }

    /**
     * The curve of {@code history}, the account's hourly spend on its complete local days before today, or
     * {@link #linear()} when fewer than {@code minDays} of those days had spend.
     */
    public static IntradayCurve learn(List<HourSpend> history, Settings settings) {
        Map<LocalDate, BigDecimal[]> byDay = new TreeMap<>();
        for (HourSpend hour : history) {
            if (hour.spend() == null || hour.spend().signum() <= 0 || hour.hour() < 0 || hour.hour() > 23) {
                continue;
            }
            BigDecimal[] hours = byDay.computeIfAbsent(hour.localDate(), d -> zeros());
            hours[hour.hour()] = hours[hour.hour()].add(hour.spend());
        }
        if (byDay.size() < settings.minDays()) {
            return LINEAR;
        }
        BigDecimal[] shares = zeros();
        BigDecimal dayCount = BigDecimal.valueOf(byDay.size());
        for (BigDecimal[] hours : byDay.values()) {
            BigDecimal total = Arrays.stream(hours).reduce(BigDecimal.ZERO, BigDecimal::add);
            for (int h = 0; h < 24; h++) {
                shares[h] = shares[h].add(hours[h].divide(total, MATH).divide(dayCount, MATH), MATH);
            }
        }
        return new IntradayCurve(shares, byDay.size());
    }

    /** Whether the curve was learned from history (false: linear). */
    public boolean learned() {
        return hourShares != null;
    }

    /** Days with spend the curve was learned from (0 for linear). */
    public int days() {
        return days;
    }

    /**
     * The share of the day's spend expected by the local clock time {@code localTime}, between 0 and 1;
     * {@code linearFraction} (the elapsed share of the real local day, which knows its 23 or 25 hours) for the
     * linear curve.
     */
    public BigDecimal fractionAt(LocalTime localTime, BigDecimal linearFraction) {
        if (hourShares == null) {
            return linearFraction;
        }
        LocalTime time = localTime;
        BigDecimal share = BigDecimal.ZERO;
        for (int h = 0; h < time.getHour(); h++) {
            share = share.add(hourShares[h], MATH);
        }
        BigDecimal intoHour = BigDecimal.valueOf(time.getMinute() * 60L + time.getSecond())
                .divide(SECONDS_PER_HOUR, MATH);
        share = share.add(hourShares[time.getHour()].multiply(intoHour, MATH), MATH);
        return share.min(BigDecimal.ONE).max(BigDecimal.ZERO);
    }

    /** " on this account's usual intraday curve (14 days)" or "" for linear: appended to "expected X by now". */
    public String describe() {
        return hourShares == null ? "" : " on this account's usual intraday curve (learned from " + days + " days)";
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] values = new BigDecimal[24];
        Arrays.fill(values, BigDecimal.ZERO);
        return values;
    }
}
