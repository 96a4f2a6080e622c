package io.adpulse.faults;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Compares what the gateway reports (campaign × day: spend, impressions, clicks, conversions) with the sandbox's
 * ground truth for every seeded advertiser over the last {@code days} complete local days, as the launcher's
 * end-to-end test does for one week. A value below the truth (or a missing row) is lost; a value above it is double
 * counted.
 */
final class Aggregates {

    /** The outcome of one comparison. */
    record Comparison(int advertisers, long cells, long equal, long lost, long doubleCounted, long extraRows,
                      String firstDifference) {

        boolean exact() {
            return cells > 0 && lost == 0 && doubleCounted == 0 && extraRows == 0 && equal == cells;
        }
    }

    private static final String[] METRICS = {"spend", "impressions", "clicks", "conversions"};

    private Aggregates() {
    }

    static Comparison compare(String gatewayUrl, String sandboxUrl, int days) throws IOException, InterruptedException {
        long cells = 0;
        long equal = 0;
        long lost = 0;
        long doubled = 0;
        long extra = 0;
        String first = null;
        JsonNode advertisers = FaultStack.getJson(sandboxUrl + "/sandbox/advertisers");
        for (JsonNode advertiser : advertisers) {
            String id = advertiser.get("advertiser_id").asString();
            LocalDate to = LocalDate.now(ZoneId.of(advertiser.get("display_timezone").asString())).minusDays(1);
            LocalDate from = to.minusDays(days - 1L);
            Map<String, Map<String, BigDecimal>> truth = new HashMap<>();
            for (JsonNode row : FaultStack.getJson(sandboxUrl + "/sandbox/ground-truth?level=campaign&advertiser_id="
                    + id + "&start_date=" + from + "&end_date=" + to).get("rows")) {
                truth.put(row.get("campaign_id").asString() + "@" + row.get("date").asString(), figures(row.get("spend"),
                        row.get("impressions"), row.get("clicks"), row.get("conversion")));
            }
            Map<String, Map<String, BigDecimal>> reported = new HashMap<>();
            for (JsonNode row : FaultStack.getJson(gatewayUrl + "/api/reporting/campaigns/daily?advertiserId=" + id
                    + "&from=" + from + "&to=" + to).get("rows")) {
                reported.put(row.get("campaignId").asString() + "@" + row.get("date").asString(), figures(
                        row.get("spend"), row.get("impressions"), row.get("clicks"), row.get("conversions")));
            }
            Set<String> keys = new HashSet<>(truth.keySet());
            for (String key : keys) {
                Map<String, BigDecimal> expected = truth.get(key);
                Map<String, BigDecimal> actual = reported.getOrDefault(key, Map.of());
                for (String metric : METRICS) {
                    cells++;
                    BigDecimal want = expected.get(metric);
                    BigDecimal got = actual.get(metric);
                    if (Objects.equals(want, got)) {
                        equal++;
                        continue;
                    }
                    if (got == null || (want != null && got.compareTo(want) < 0)) {
                        lost++;
                    } else {
                        doubled++;
                    }
                    if (first == null) {
                        first = id + " " + key + " " + metric + ": reported " + got + ", truth " + want;
                    }
                }
            }
            for (String key : reported.keySet()) {
                if (!truth.containsKey(key)) {
                    extra++;
                    if (first == null) {
                        first = id + " " + key + ": reported but not in the ground truth";
                    }
                }
            }
        }
        return new Comparison(advertisers.size(), cells, equal, lost, doubled, extra, first);
    }

    private static Map<String, BigDecimal> figures(JsonNode spend, JsonNode impressions, JsonNode clicks,
            JsonNode conversions) {
        Map<String, BigDecimal> figures = new HashMap<>();
        figures.put("spend", decimal(spend));
        figures.put("impressions", decimal(impressions));
        figures.put("clicks", decimal(clicks));
        figures.put("conversions", decimal(conversions));
        return figures;
    }

    /** By value, so "12.50" and "12.5" are the same amount; a metric TikTok did not return stays null. */
    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : new BigDecimal(node.asString()).stripTrailingZeros();
    }
}
