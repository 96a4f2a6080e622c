package io.adpulse.reporting.kpi;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * Additive metrics of one row or of many rows summed. A {@code null} is a metric TikTok did not report;
 * a sum that includes one is {@code null} too, because missing is not zero and a partial sum would pass
 * for a complete one. Reach is not here on purpose: unique users do not add up across days or entities.
 */
public record MetricSums(BigDecimal spend, BigDecimal impressions, BigDecimal clicks, BigDecimal conversions,
        BigDecimal conversionValue, BigDecimal videoViews) {

    /** The sum of no rows. */
    public static final MetricSums ZERO = new MetricSums(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    /** Sums of a report that does not read video views ({@code videoViews} unknown). */
    public MetricSums(BigDecimal spend, BigDecimal impressions, BigDecimal clicks, BigDecimal conversions,
            BigDecimal conversionValue) {
        this(spend, impressions, clicks, conversions, conversionValue, null);
    }

    public MetricSums plus(MetricSums other) {
        return new MetricSums(add(spend, other.spend), add(impressions, other.impressions), add(clicks, other.clicks),
                add(conversions, other.conversions), add(conversionValue, other.conversionValue),
                add(videoViews, other.videoViews));
    }

    public static MetricSums sum(Collection<MetricSums> rows) {
        return rows.stream().reduce(ZERO, MetricSums::plus);
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.add(b);
    }
}
