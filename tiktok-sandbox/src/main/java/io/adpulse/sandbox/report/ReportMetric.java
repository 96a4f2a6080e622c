package io.adpulse.sandbox.report;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import io.adpulse.sandbox.metrics.Metric;

/**
 * Metrics a report may ask for: the additive ones, reach (not additive: its own plausible value per row, only on
 * daily and total rows; {@code "-"} on hourly rows as TikTok has no hourly reach) and the ratios computed from
 * each row's sums: {@code ctr} in percent, {@code cpc} and {@code cpm} in account currency.
 */
enum ReportMetric {
    SPEND(Metric.SPEND), IMPRESSIONS(Metric.IMPRESSIONS), CLICKS(Metric.CLICKS), CONVERSION(Metric.CONVERSION),
    COMPLETE_PAYMENT(Metric.COMPLETE_PAYMENT), TOTAL_PURCHASE_VALUE(Metric.TOTAL_PURCHASE_VALUE),
    VIDEO_PLAY_ACTIONS(Metric.VIDEO_PLAY_ACTIONS), LIKES(Metric.LIKES), COMMENTS(Metric.COMMENTS), SHARES(Metric.SHARES),
    REACH(null), CTR(null), CPC(null), CPM(null);

    private final Metric base;

    ReportMetric(Metric base) {
        this.base = base;
    }

    /** The additive metric behind this one, or null for reach and the ratios. */
    Metric base() {
        return base;
    }

    String apiName() {
        return base != null ? base.apiName() : name().toLowerCase();
    }

    static Optional<ReportMetric> of(String apiName) {
        return Arrays.stream(values()).filter(metric -> metric.apiName().equals(apiName)).findFirst();
    }

    static String supported() {
        return Arrays.stream(values()).map(ReportMetric::apiName).collect(Collectors.joining(", "));
    }
}
