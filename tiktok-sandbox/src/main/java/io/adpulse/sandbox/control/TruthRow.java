package io.adpulse.sandbox.control;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.adpulse.sandbox.metrics.Metric;

/**
 * One ground-truth row: an entity in one local day or hour.
 *
 * @param ids       the entity's id and its parents' ids, by TikTok id name ({@code advertiser_id}, {@code campaign_id}...),
 *                  top down
 * @param label     the bucket: {@code yyyy-MM-dd} for a day, {@code yyyy-MM-dd HH:00:00} for an hour
 * @param hourly    whether the bucket is an hour
 * @param sums      exact sums of every {@link Metric}, minor units for money
 * @param available which metrics the entity has at all (by {@link Metric#ordinal()}); the others are null, where
 *                  TikTok's report says {@code "-"}
 */
record TruthRow(Map<String, String> ids, String label, boolean hourly, long[] sums, boolean[] available) {

    /**
     * The row as JSON: ids, {@code date} (and {@code hour} for hourly rows), then every metric as a decimal string,
     * money with the currency's decimals, or null where the entity does not have the metric.
     */
    Map<String, Object> render(int decimals) {
        Map<String, Object> row = new LinkedHashMap<>(ids);
        row.put("date", label.substring(0, 10));
        if (hourly) {
            row.put("hour", label);
        }
        for (Metric metric : Metric.values()) {
            long sum = sums[metric.ordinal()];
            row.put(metric.apiName(), !available[metric.ordinal()] ? null
                    : metric.isMoney() ? BigDecimal.valueOf(sum, decimals).toPlainString() : Long.toString(sum));
        }
        return row;
    }
}
