package io.adpulse.reporting.analytics;

import io.adpulse.reporting.web.InvalidRequestException;
import io.adpulse.reporting.web.Texts;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a top-N ranking sorts by: any summed metric or any KPI, named as in the reports. KPIs are ranked by
 * their exact value computed from the sums of each entity, never by an average of daily ratios.
 */
enum RankMetric {
    SPEND("spend", "t.spend"),
    IMPRESSIONS("impressions", "t.impressions"),
    CLICKS("clicks", "t.clicks"),
    CONVERSIONS("conversions", "t.conversions"),
    CONVERSION_VALUE("conversionValue", "t.conversion_value"),
    VIDEO_VIEWS("videoViews", "t.video_views"),
    CTR("ctr", "t.clicks / nullif(t.impressions, 0)"),
    CPC("cpc", "t.spend / nullif(t.clicks, 0)"),
    CPM("cpm", "t.spend * 1000 / nullif(t.impressions, 0)"),
    CPA("cpa", "t.spend / nullif(t.conversions, 0)"),
    ROAS("roas", "t.conversion_value / nullif(t.spend, 0)"),
    CONVERSION_RATE("conversionRate", "t.conversions / nullif(t.clicks, 0)");

    /** Name in the API. */
    final String apiName;
    /** SQL expression over the per-entity sums {@code t}; a constant of this enum, never caller input. */
    final String expression;

    RankMetric(String apiName, String expression) {
        this.apiName = apiName;
        this.expression = expression;
    }

    static RankMetric parse(String metric) {
        if (metric == null) {
            return SPEND;
        }
        String wanted = metric.strip();
        for (RankMetric m : values()) {
            if (m.apiName.equalsIgnoreCase(wanted)) {
                return m;
            }
        }
        throw new InvalidRequestException("'metric' must be one of "
                + Arrays.stream(values()).map(m -> m.apiName).collect(Collectors.joining(", ")) + "; got '"
                + Texts.echo(metric, 40) + "'");
    }
}
