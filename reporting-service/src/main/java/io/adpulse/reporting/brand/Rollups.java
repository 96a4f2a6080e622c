package io.adpulse.reporting.brand;

import io.adpulse.reporting.fx.FxRate;
import io.adpulse.reporting.fx.FxRates;
import io.adpulse.reporting.fx.MissingFxRateException;
import io.adpulse.reporting.kpi.Measures;
import io.adpulse.reporting.kpi.MetricSums;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.Visibility;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Roll-ups of advertisers by brand or by client over a range of their local dates. Amounts in different currencies
 * are never added: without a target currency a group has one row per currency ({@code PER_CURRENCY}); with one, every
 * advertiser-day is converted at the FX rate of its own date into it and the group has one row ({@code CONVERTED},
 * the rates used listed). A missing rate refuses the whole roll-up (422) rather than guessing. KPIs are computed
 * from the (converted) sums; a sum that includes a missing metric is missing.
 */
@Service
class Rollups {

    private final RollupRepository repository;
    private final Brands brands;
    private final FxRates fx;

    Rollups(RollupRepository repository, Brands brands, FxRates fx) {
        this.repository = repository;
        this.brands = brands;
        this.fx = fx;
    }

    /** What a roll-up groups by. */
    enum By { BRAND, CLIENT }

    /** The roll-up; a CLIENT caller's is always of its own client ({@link Visibility}), whichever it names. */
    Mono<Rollup> rollup(By by, String clientId, String brandId, DateRange range, String currency) {
        return Visibility.current().flatMap(v -> !v.restricted() || clientId != null
                ? rollupOf(by, clientId, brandId, range, currency)
                // a CLIENT user without a client sees nothing: the empty id names no client, a 404
                : rollupOf(by, v.clientId() == null ? "" : v.clientId(), brandId, range, currency));
    }

    private Mono<Rollup> rollupOf(By by, String clientId, String brandId, DateRange range, String currency) {
        Mono<Void> exists = Mono.when(clientId == null ? Mono.empty() : brands.client(clientId),
                brandId == null ? Mono.empty() : brands.brand(brandId));
        Mono<Optional<FxRates.Table>> table = currency == null ? Mono.just(Optional.empty())
                : fx.into(currency, range).map(Optional::of);
        return exists.then(Mono.zip(names(), table))
                .flatMap(t -> repository.days(clientId, brandId, range)
                        .reduce(new Accumulator(by, t.getT2().orElse(null)), Accumulator::add)
                        .map(acc -> acc.result(by, clientId, brandId, range, currency, t.getT1())));
    }

    private Mono<Names> names() {
        return Mono.zip(brands.brands(null).collectMap(Brand::brandId, Function.identity()),
                brands.clients().collectMap(Client::clientId, Function.identity()))
                .map(t -> new Names(t.getT1(), t.getT2()));
    }

    private record Names(Map<String, Brand> brands, Map<String, Client> clients) {
    }

    /** Sums per group and currency, with the advertisers and advertiser-days counted and the rates used. */
    private static final class Accumulator {

        private final By by;
        private final FxRates.Table table;
        private static final Comparator<List<String>> KEYS =
                Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1));

        private final Map<List<String>, MetricSums> sums = new TreeMap<>(KEYS);
        private final Map<List<String>, Set<String>> advertisers = new TreeMap<>(KEYS);
        private final Map<List<String>, Long> days = new TreeMap<>(KEYS);
        private final Map<String, FxRate> used = new TreeMap<>();
        private final TreeSet<String> missing = new TreeSet<>();

        Accumulator(By by, FxRates.Table table) {
            this.by = by;
            this.table = table;
        }

        Accumulator add(RollupRepository.AdvertiserDay day) {
            String group = by == By.BRAND ? day.brandId() : day.clientId();
            MetricSums figures = day.sums();
            String currency = day.currency();
            if (table != null) {
                FxRate rate = table.rate(day.date(), day.currency());
                if (rate == null) {
                    missing.add(day.date() + "|" + day.currency());
                    return this;
                }
                if (!"identity".equals(rate.source())) {
                    used.put(rate.date() + "|" + rate.base(), rate);
                }
                figures = convert(figures, rate.rate());
                currency = table.quote();
            }
            List<String> key = List.of(group, currency);
            sums.merge(key, figures, MetricSums::plus);
            advertisers.computeIfAbsent(key, k -> new TreeSet<>()).add(day.advertiserId());
            days.merge(key, 1L, Long::sum);
            return this;
        }

        private static MetricSums convert(MetricSums s, BigDecimal rate) {
            return new MetricSums(s.spend() == null ? null : s.spend().multiply(rate), s.impressions(), s.clicks(),
                    s.conversions(), s.conversionValue() == null ? null : s.conversionValue().multiply(rate),
                    s.videoViews());
        }

        Rollup result(By by, String clientId, String brandId, DateRange range, String target, Names names) {
            if (!missing.isEmpty()) {
                String[] first = missing.first().split("\\|");
                throw new MissingFxRateException(LocalDate.parse(first[0]), first[1], target, missing.size() - 1);
            }
            List<Row> rows = new ArrayList<>();
            sums.forEach((key, s) -> {
                String group = key.get(0);
                Brand brand = by == By.BRAND ? names.brands().get(group) : null;
                String client = by == By.BRAND ? (brand == null ? null : brand.clientId()) : group;
                Client owner = client == null ? null : names.clients().get(client);
                rows.add(new Row(by == By.BRAND ? group : null, brand == null ? null : brand.name(), client,
                        owner == null ? null : owner.name(), key.get(1), advertisers.get(key).size(),
                        days.get(key), Measures.of(s, key.get(1))));
            });
            rows.sort(Comparator.comparing((Row r) -> String.valueOf(by == By.BRAND ? r.brandName() : r.clientName()))
                    .thenComparing(r -> String.valueOf(by == By.BRAND ? r.brandId() : r.clientId()))
                    .thenComparing(Row::currency));
            Conversion conversion = target == null ? null
                    : new Conversion(target, "daily FX rate of each advertiser-local date", List.copyOf(used.values()));
            return new Rollup(by.name().toLowerCase(), range.from(), range.to(), clientId, brandId,
                    target == null ? "PER_CURRENCY" : "CONVERTED", conversion, rows);
        }
    }

    /**
     * A roll-up as the API returns it. {@code amounts} says how amounts are given: {@code PER_CURRENCY} (each row in
     * one currency, never added across) or {@code CONVERTED} (into {@code conversion.currency} with the listed rates).
     */
    record Rollup(String by, LocalDate from, LocalDate to, String clientId, String brandId, String amounts,
            Conversion conversion, List<Row> rows) {
    }

    /** How amounts were converted: the target currency, the rule, and every rate used. */
    record Conversion(String currency, String method, List<FxRate> rates) {
    }

    /**
     * One group (a brand, with its client; or a client) in one currency: how many of its advertisers and
     * advertiser-days had figures, and their sums and KPIs.
     */
    record Row(String brandId, String brandName, String clientId, String clientName, String currency,
            int advertisers, long advertiserDays, Measures metrics) {
    }
}
