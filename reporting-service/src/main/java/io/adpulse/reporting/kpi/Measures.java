package io.adpulse.reporting.kpi;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Every additive metric of a set of rows and every KPI computed from their sums, as decimal strings:
 * amounts in the currency's minor units, counts as stored, ratios to 4 decimals; {@code null} where a
 * metric was not reported (missing, not zero) or a KPI is undefined. The richer sibling of {@link Figures},
 * used by the time series, overview and top-N reports.
 */
public record Measures(String spend, String impressions, String clicks, String conversions, String conversionValue,
        String videoViews, String ctr, String cpc, String cpm, String cpa, String roas, String conversionRate) {

    /** Names of the fields, in order, as the API and the CSV exports use them. */
    public static final List<String> NAMES = List.of("spend", "impressions", "clicks",
            "conversions", "conversionValue", "videoViews", "ctr", "cpc", "cpm", "cpa", "roas", "conversionRate");

    /** Nothing reported. */
    public static final Measures NONE = new Measures(null, null, null, null, null, null, null, null, null, null,
            null, null);

    public static Measures of(MetricSums sums, String currency) {
        Kpis k = Kpis.of(sums, currency);
        return new Measures(Figures.amount(sums.spend(), currency), count(sums.impressions()), count(sums.clicks()),
                count(sums.conversions()), Figures.amount(sums.conversionValue(), currency), count(sums.videoViews()),
                text(k.ctr()), text(k.cpc()), text(k.cpm()), text(k.cpa()), text(k.roas()), text(k.conversionRate()));
    }

    /** The values in the order of {@link #NAMES}. */
    public List<String> values() {
        return Arrays.asList(spend, impressions, clicks, conversions, conversionValue, videoViews, ctr, cpc,
                cpm, cpa, roas, conversionRate);
    }

    static String count(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
