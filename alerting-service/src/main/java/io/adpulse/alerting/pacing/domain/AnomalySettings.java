package io.adpulse.alerting.pacing.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Thresholds of the {@code spend-anomaly} rule; see {@link SpendAnomalyRule} for how each is used.
 *
 * @param historyDays how many previous local days of the same hour form the baseline
 * @param minHistory fewest of those days that must have a report before anything is judged
 * @param threshold how many robust standard deviations ({@code 1.4826 × MAD}) away from the median is anomalous
 * @param minDeviation smallest absolute deviation from the median, in the account currency, that counts
 * @param minRelativeDeviation smallest deviation relative to the median that counts (0.5 = 50 %)
 * @param maxAge the latest complete hour must have ended within this long, or nothing is judged
 */
public record AnomalySettings(int historyDays, int minHistory, BigDecimal threshold, BigDecimal minDeviation,
        BigDecimal minRelativeDeviation, Duration maxAge) {

    public AnomalySettings {
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(minDeviation, "minDeviation");
        Objects.requireNonNull(minRelativeDeviation, "minRelativeDeviation");
        Objects.requireNonNull(maxAge, "maxAge");
        if (minHistory < 1 || minHistory > historyDays) {
            throw new IllegalArgumentException("minHistory must be between 1 and historyDays");
        }
    }

    /** The defaults: the last 7 days, at least 5 of them, 4 robust deviations, at least 10 and 50 %, within 3 hours. */
    public static AnomalySettings defaults() {
        return new AnomalySettings(7, 5, new BigDecimal("4"), BigDecimal.TEN, new BigDecimal("0.5"),
                Duration.ofHours(3));
    }
}
