package io.adpulse.ingest.tiktok;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The requested metrics of one report row. TikTok sends most metrics as decimal strings with fixed
 * decimals ({@code "20.000"}, {@code "3765"}), some as JSON numbers, and {@code "-"} when it has no value.
 * A metric that is {@code "-"}, empty, not a plain decimal, or not returned at all is <em>missing</em>:
 * listed as such, never turned into a zero. Values keep TikTok's scale.
 */
record MetricValues(SortedMap<String, BigDecimal> values, List<String> missing) {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    static MetricValues parse(JsonNode metrics, List<String> requested) {
        SortedMap<String, BigDecimal> values = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : requested) {
            BigDecimal value = decimal(metrics == null ? null : metrics.get(name));
            if (value == null) {
                missing.add(name);
            } else {
                values.put(name, value);
            }
        }
        return new MetricValues(values, List.copyOf(missing));
    }

    /** A plain decimal from a JSON number or a decimal string; null for anything else. */
    static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            return value.scale() < 0 ? value.setScale(0) : value;
        }
        if (node.isString()) {
            String text = node.stringValue().trim();
            return PLAIN_DECIMAL.matcher(text).matches() ? new BigDecimal(text) : null;
        }
        return null;
    }
}
