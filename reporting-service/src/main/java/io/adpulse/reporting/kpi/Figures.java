package io.adpulse.reporting.kpi;

import java.math.BigDecimal;

/**
 * What a report shows for a set of rows: the sums and their KPIs as decimal strings (never binary
 * floats, which cannot hold 0.10 exactly). Amounts are rounded to the currency's minor units, counts are
 * shown as stored, ratios to 4 decimals; {@code null} where the value is missing or undefined.
 */
public record Figures(String spend, String impressions, String clicks, String conversions, String conversionValue,
        String roas, String ctr, String cpc, String cpm) {

    public static Figures of(MetricSums sums, String currency) {
        Kpis kpis = Kpis.of(sums, currency);
        return new Figures(amount(sums.spend(), currency), count(sums.impressions()), count(sums.clicks()),
                count(sums.conversions()), amount(sums.conversionValue(), currency), text(kpis.roas()),
                text(kpis.ctr()), text(kpis.cpc()), text(kpis.cpm()));
    }

    /** An amount of money as a plain decimal string in the currency's minor units; {@code null} stays {@code null}. */
    public static String amount(BigDecimal value, String currency) {
        return text(Rounding.money(value, currency));
    }

    private static String count(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
