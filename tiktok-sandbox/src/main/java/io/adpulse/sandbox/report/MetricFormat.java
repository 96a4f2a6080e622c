package io.adpulse.sandbox.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.adpulse.sandbox.metrics.Metric;

/**
 * TikTok's way of writing report metrics: every value a string; money with the currency's decimals (JPY none,
 * USD and GBP two); counts as integers; {@code ctr} a percentage with two decimals; ratios over a zero
 * denominator as zero; {@code "-"} for a metric the entity does not have.
 */
final class MetricFormat {

    static final String MISSING = "-";

    private MetricFormat() {
    }

    static Map<String, String> format(ReportRow row, List<ReportMetric> metrics, int decimals) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ReportMetric metric : metrics) {
            values.put(metric.apiName(), value(row, metric, decimals));
        }
        return values;
    }

    private static String value(ReportRow row, ReportMetric metric, int decimals) {
        long spend = row.sums()[Metric.SPEND.ordinal()];
        long impressions = row.sums()[Metric.IMPRESSIONS.ordinal()];
        long clicks = row.sums()[Metric.CLICKS.ordinal()];
        return switch (metric) {
            case REACH -> row.reach() == null ? MISSING : row.reach().toString();
            case CTR -> ratio(BigDecimal.valueOf(clicks * 100), impressions, 2);
            case CPC -> ratio(BigDecimal.valueOf(spend, decimals), clicks, decimals);
            case CPM -> ratio(BigDecimal.valueOf(spend * 1000, decimals), impressions, decimals);
            default -> additive(row, metric.base(), decimals);
        };
    }

    private static String additive(ReportRow row, Metric metric, int decimals) {
        if (!row.available().contains(metric)) {
            return MISSING;
        }
        long sum = row.sums()[metric.ordinal()];
        return metric.isMoney() ? BigDecimal.valueOf(sum, decimals).toPlainString() : Long.toString(sum);
    }

    private static String ratio(BigDecimal numerator, long denominator, int scale) {
        return denominator == 0
                ? BigDecimal.ZERO.setScale(scale).toPlainString()
                : numerator.divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP).toPlainString();
    }
}
