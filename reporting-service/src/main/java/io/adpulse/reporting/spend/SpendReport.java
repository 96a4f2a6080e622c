package io.adpulse.reporting.spend;

import io.adpulse.reporting.kpi.Figures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spend by advertiser and day as the API returns it, with totals per currency. Amounts are decimal
 * strings in their currency's minor units; a {@code null} spend was not reported, and a currency total
 * that includes one is {@code null} as well.
 */
record SpendReport(LocalDate from, LocalDate to, String advertiserId, List<Row> rows, List<Total> totals) {

    record Row(String advertiserId, String advertiserName, LocalDate date, String currency, String spend,
            SpendDay.Source source) {
    }

    record Total(String currency, String spend) {
    }

    static SpendReport of(LocalDate from, LocalDate to, String advertiserId, List<SpendDay> days) {
        List<Row> rows = days.stream().map(d -> new Row(d.advertiserId(), d.advertiserName(), d.date(), d.currency(),
                Figures.amount(d.spend(), d.currency()), d.source())).toList();
        Map<String, BigDecimal> sums = new TreeMap<>();
        Map<String, Boolean> incomplete = new TreeMap<>();
        for (SpendDay day : days) {
            sums.merge(day.currency(), day.spend() == null ? BigDecimal.ZERO : day.spend(), BigDecimal::add);
            incomplete.merge(day.currency(), day.spend() == null, Boolean::logicalOr);
        }
        List<Total> totals = sums.entrySet().stream()
                .map(e -> new Total(e.getKey(),
                        incomplete.get(e.getKey()) ? null : Figures.amount(e.getValue(), e.getKey())))
                .toList();
        return new SpendReport(from, to, advertiserId, rows, totals);
    }
}
