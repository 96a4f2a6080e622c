package io.adpulse.reporting.spend;

import io.adpulse.reporting.brand.Selection;
import io.adpulse.reporting.kpi.Figures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spend by advertiser and day as the API returns it, with totals per currency. Amounts are decimal
 * strings in their currency's minor units; a {@code null} spend was not reported, and a currency total
 * that includes one is {@code null} as well. {@code advertiserIds} are the advertisers asked for (empty:
 * all); {@code advertiserId} is the one asked for when exactly one was, kept for existing clients;
 * {@code brandId} and {@code clientId} are the brand and client filters, {@code null} when not given.
 */
record SpendReport(LocalDate from, LocalDate to, String advertiserId, List<String> advertiserIds, String brandId,
        String clientId, List<Row> rows, List<Total> totals) {

    record Row(String advertiserId, String advertiserName, LocalDate date, String currency, String spend,
            SpendDay.Source source) {
    }

    /** The spend of every row in one currency; {@code advertisers} is how many advertisers have rows in it. */
    record Total(String currency, String spend, int advertisers) {
    }

    static Row row(SpendDay d) {
        return new Row(d.advertiserId(), d.advertiserName(), d.date(), d.currency(),
                Figures.amount(d.spend(), d.currency()), d.source());
    }

    static SpendReport of(LocalDate from, LocalDate to, Selection selection, List<SpendDay> days) {
        List<String> advertiserIds = selection.named();
        List<Row> rows = days.stream().map(SpendReport::row).toList();
        Map<String, BigDecimal> sums = new TreeMap<>();
        Map<String, Boolean> incomplete = new TreeMap<>();
        Map<String, Set<String>> advertisers = new TreeMap<>();
        for (SpendDay day : days) {
            sums.merge(day.currency(), day.spend() == null ? BigDecimal.ZERO : day.spend(), BigDecimal::add);
            incomplete.merge(day.currency(), day.spend() == null, Boolean::logicalOr);
            advertisers.computeIfAbsent(day.currency(), c -> new HashSet<>()).add(day.advertiserId());
        }
        List<Total> totals = sums.entrySet().stream()
                .map(e -> new Total(e.getKey(),
                        incomplete.get(e.getKey()) ? null : Figures.amount(e.getValue(), e.getKey()),
                        advertisers.get(e.getKey()).size()))
                .toList();
        return new SpendReport(from, to, advertiserIds.size() == 1 ? advertiserIds.get(0) : null, advertiserIds,
                selection.brandId(), selection.clientId(), rows, totals);
    }
}
