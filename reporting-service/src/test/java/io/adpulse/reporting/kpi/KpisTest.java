package io.adpulse.reporting.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpisTest {

    private static MetricSums row(String spend, String impressions, String clicks, String conversions,
            String conversionValue) {
        return new MetricSums(dec(spend), dec(impressions), dec(clicks), dec(conversions), dec(conversionValue));
    }

    private static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    @Test
    void computesTotalKpisFromSumsNotFromAveragedRatios() {
        // Row ratios: CTR 0.1 and 0.0091, ROAS 10 and 1; their averages (0.0545, 5.5) would be wrong.
        MetricSums totals = MetricSums.sum(List.of(
                row("10", "100", "10", "1", "100"),
                row("90", "9900", "90", "2", "90")));

        Kpis kpis = Kpis.of(totals, "USD");

        assertThat(totals).isEqualTo(row("100", "10000", "100", "3", "190"));
        assertThat(kpis.ctr()).isEqualByComparingTo("0.0100");
        assertThat(kpis.roas()).isEqualByComparingTo("1.9000");
        assertThat(kpis.cpc()).isEqualByComparingTo("1.00");
        assertThat(kpis.cpm()).isEqualByComparingTo("10.00");
    }

    @Test
    void kpiIsNullWhenItsDenominatorIsZero() {
        Kpis kpis = Kpis.of(row("0", "0", "0", "0", "0"), "USD");

        assertThat(kpis.roas()).isNull();
        assertThat(kpis.ctr()).isNull();
        assertThat(kpis.cpc()).isNull();
        assertThat(kpis.cpm()).isNull();
    }

    @Test
    void zeroNumeratorOverPositiveDenominatorIsZeroNotNull() {
        Kpis kpis = Kpis.of(row("7.5", "1000", "0", "0", "0"), "USD");

        assertThat(kpis.roas()).isEqualTo("0.0000");
        assertThat(kpis.ctr()).isEqualTo("0.0000");
        assertThat(kpis.cpc()).isNull();
        assertThat(kpis.cpm()).isEqualTo("7.50");
    }

    @Test
    void missingMetricStaysMissingInSumsAndKpis() {
        MetricSums totals = MetricSums.sum(List.of(
                row("10", "1000", "10", "1", "40"),
                row("5", "500", "5", null, null)));

        Kpis kpis = Kpis.of(totals, "USD");

        assertThat(totals.conversions()).isNull();
        assertThat(totals.conversionValue()).isNull();
        assertThat(totals.spend()).isEqualByComparingTo("15");
        assertThat(kpis.roas()).isNull();
        assertThat(kpis.ctr()).isEqualTo("0.0100");
        assertThat(kpis.cpc()).isEqualTo("1.00");
    }

    @Test
    void sumOfNoRowsIsZeroWithUndefinedKpis() {
        Figures figures = Figures.of(MetricSums.sum(List.of()), "USD");

        assertThat(figures).isEqualTo(new Figures("0.00", "0", "0", "0", "0.00", null, null, null, null));
    }

    @Test
    void roundsRatiosToFourDecimalsHalfEven() {
        // 1/20000 = 0.00005 and 3/20000 = 0.00015: halves go to the even neighbour.
        assertThat(Kpis.of(row("1", "20000", "1", "0", "0"), "USD").ctr()).isEqualTo("0.0000");
        assertThat(Kpis.of(row("1", "20000", "3", "0", "0"), "USD").ctr()).isEqualTo("0.0002");
        assertThat(Kpis.of(row("3", "1", "1", "0", "1"), "USD").roas()).isEqualTo("0.3333");
    }

    @Test
    void roundsMoneyToTheCurrencyMinorUnitsHalfEven() {
        assertThat(Rounding.money(new BigDecimal("0.125"), "USD")).isEqualTo("0.12");
        assertThat(Rounding.money(new BigDecimal("0.135"), "USD")).isEqualTo("0.14");
        assertThat(Rounding.money(new BigDecimal("2.5"), "JPY")).isEqualTo("2");
        assertThat(Rounding.money(new BigDecimal("1.2345"), "KWD")).isEqualTo("1.234");
        assertThat(Rounding.money(new BigDecimal("12.5"), "EUR")).isEqualTo("12.50");
    }

    @Test
    void unknownCurrencyFallsBackToTwoDecimals() {
        assertThat(Rounding.minorUnits("ZZZ")).isEqualTo(2);
        assertThat(Rounding.minorUnits("XXX")).isEqualTo(2);
        assertThat(Rounding.minorUnits(null)).isEqualTo(2);
    }

    @Test
    void costKpisUseTheCurrencyMinorUnits() {
        // CPM = 1000 × 1234 / 3000 = 411.33…; CPC = 1234 / 7 = 176.28…
        Kpis kpis = Kpis.of(row("1234", "3000", "7", "0", "0"), "JPY");

        assertThat(kpis.cpm()).isEqualTo("411");
        assertThat(kpis.cpc()).isEqualTo("176");
    }

    @Test
    void figuresAreDecimalStringsWithAmountsInMinorUnitsAndCountsAsStored() {
        Figures figures = Figures.of(row("12.5", "45210", "612.000", "18", "540.2"), "USD");

        assertThat(figures.spend()).isEqualTo("12.50");
        assertThat(figures.conversionValue()).isEqualTo("540.20");
        assertThat(figures.impressions()).isEqualTo("45210");
        assertThat(figures.clicks()).isEqualTo("612");
        assertThat(figures.conversions()).isEqualTo("18");
        assertThat(figures.roas()).isEqualTo("43.2160");
    }

    @Test
    void computesCpaAndConversionRateFromSums() {
        // Rows: CPA 10 and 45, conversion rate 0.1 and 0.02; from the sums: 100 / 3 and 3 / 100.
        MetricSums totals = MetricSums.sum(List.of(
                row("10", "100", "10", "1", "0"),
                row("90", "9900", "90", "2", "0")));

        Kpis kpis = Kpis.of(totals, "USD");

        assertThat(kpis.cpa()).isEqualTo("33.33");
        assertThat(kpis.conversionRate()).isEqualTo("0.0300");
        assertThat(Kpis.of(row("5", "10", "0", "0", "0"), "USD").cpa()).as("no conversions").isNull();
        assertThat(Kpis.of(row("5", "10", "0", "0", "0"), "USD").conversionRate()).as("no clicks").isNull();
    }

    @Test
    void measuresShowEveryFigureWithVideoViewsAndMissingAsNull() {
        MetricSums sums = new MetricSums(new BigDecimal("12.5"), new BigDecimal("1000"), new BigDecimal("20"),
                new BigDecimal("4"), new BigDecimal("50"), null);

        Measures m = Measures.of(sums, "USD");

        // CPC 12.5 / 20 = 0.625 and CPA 12.5 / 4 = 3.125 round half-even, to 0.62 and 3.12.
        assertThat(m).isEqualTo(new Measures("12.50", "1000", "20", "4", "50.00", null, "0.0200", "0.62", "12.50",
                "3.12", "4.0000", "0.2000"));
        assertThat(m.values()).hasSize(Measures.NAMES.size());
    }
}
