package io.adpulse.reporting.kpi;

import java.math.BigDecimal;

/**
 * KPIs of a set of rows, computed from their sums (never by averaging per-row ratios, which would weigh a
 * day with 10 impressions like a day with 10 million):
 * <ul>
 *   <li>ROAS = Σ conversion value / Σ spend, a ratio to 4 decimals;</li>
 *   <li>CTR = Σ clicks / Σ impressions, a fraction (0.0135 is 1.35 %) to 4 decimals;</li>
 *   <li>CPC = Σ spend / Σ clicks, money in the currency's minor units;</li>
 *   <li>CPM = 1000 × Σ spend / Σ impressions, money in the currency's minor units;</li>
 *   <li>CPA = Σ spend / Σ conversions, money in the currency's minor units;</li>
 *   <li>conversion rate = Σ conversions / Σ clicks, a fraction to 4 decimals.</li>
 * </ul>
 * A KPI is {@code null} when its denominator is 0 or one of its inputs is missing. Rounding is
 * {@link Rounding#MODE}, applied once to the exact quotient.
 */
public record Kpis(BigDecimal roas, BigDecimal ctr, BigDecimal cpc, BigDecimal cpm, BigDecimal cpa,
        BigDecimal conversionRate) {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    public static Kpis of(MetricSums sums, String currency) {
        int money = Rounding.minorUnits(currency);
        BigDecimal spendPerThousand = sums.spend() == null ? null : sums.spend().multiply(THOUSAND);
        return new Kpis(
                Rounding.divide(sums.conversionValue(), sums.spend(), Rounding.RATIO_SCALE),
                Rounding.divide(sums.clicks(), sums.impressions(), Rounding.RATIO_SCALE),
                Rounding.divide(sums.spend(), sums.clicks(), money),
                Rounding.divide(spendPerThousand, sums.impressions(), money),
                Rounding.divide(sums.spend(), sums.conversions(), money),
                Rounding.divide(sums.conversions(), sums.clicks(), Rounding.RATIO_SCALE));
    }
}
