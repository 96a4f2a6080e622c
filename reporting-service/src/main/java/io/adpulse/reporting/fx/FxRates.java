package io.adpulse.reporting.fx;

import io.adpulse.reporting.config.ReportingProperties;
import io.adpulse.reporting.web.Caller;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.InvalidRequestException;
import io.adpulse.reporting.web.Texts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The daily FX table: rates entered through the admin API (stored in {@code fx_rate}) and rates from configuration
 * ({@code adpulse.reporting.fx-rates}), the stored one winning for the same date and pair. A rate converts amounts
 * of its date only; there is no carrying forward, no inverse of the opposite pair and never an assumed 1.0: a
 * conversion without its rate is refused ({@link MissingFxRateException}).
 */
@Service
public class FxRates {

    /** Most rates one upsert may carry. */
    static final int MAX_RATES = 1000;
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private final FxRepository repository;
    private final List<FxRate> configured;
    private final Clock clock;

    FxRates(FxRepository repository, ReportingProperties properties, Clock clock) {
        this.repository = repository;
        this.configured = properties.fxRates().stream()
                .map(r -> new FxRate(r.date(), r.base(), r.quote(), r.rate(), "configuration"))
                .toList();
        this.clock = clock;
    }

    /** An ISO 4217 style code, upper-cased; a 400 naming {@code parameter} when it is not three letters. */
    public static String currency(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("'" + parameter + "' is required, as a three-letter currency code");
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidRequestException("'" + parameter + "' must be a three-letter currency code, got '"
                    + Texts.echo(value, 20) + "'");
        }
        return code;
    }

    /** Every rate in the range (stored and configured, the stored winning), optionally of one base or quote. */
    Flux<FxRate> list(DateRange range, String base, String quote) {
        return repository.rates(range, base, quote).collectList().flatMapMany(stored -> {
            Map<String, FxRate> merged = new LinkedHashMap<>();
            configured.stream()
                    .filter(r -> !r.date().isBefore(range.from()) && !r.date().isAfter(range.to()))
                    .filter(r -> (base == null || base.equals(r.base())) && (quote == null || quote.equals(r.quote())))
                    .forEach(r -> merged.put(key(r.date(), r.base(), r.quote()), r));
            stored.forEach(r -> merged.put(key(r.date(), r.base(), r.quote()), r));
            return Flux.fromStream(merged.values().stream().sorted(Comparator.comparing(FxRate::date)
                    .thenComparing(FxRate::base).thenComparing(FxRate::quote)));
        });
    }

    /** The rates into {@code quote} over the range, as a table to convert with. */
    public Mono<Table> into(String quote, DateRange range) {
        return list(range, null, quote).collectMap(r -> key(r.date(), r.base(), r.quote()))
                .map(rates -> new Table(quote, rates));
    }

    /** Upserts rates entered by an admin; the number stored. */
    Mono<Integer> upsert(Caller caller, List<RateInput> rates) {
        return Mono.defer(() -> {
            caller.require(Caller.ADMIN);
            List<FxRate> checked = check(rates);
            return Flux.fromIterable(checked)
                    .concatMap(r -> repository.upsert(r, caller.actor(), clock.instant()))
                    .then(Mono.just(checked.size()));
        });
    }

    private static List<FxRate> check(List<RateInput> rates) {
        if (rates == null || rates.isEmpty()) {
            throw new InvalidRequestException("'rates' is required: a non-empty list of {date, base, quote, rate}");
        }
        if (rates.size() > MAX_RATES) {
            throw new InvalidRequestException("at most " + MAX_RATES + " rates per request, got " + rates.size());
        }
        return rates.stream().map(FxRates::check).toList();
    }

    private static FxRate check(RateInput r) {
        if (r == null || r.date() == null) {
            throw new InvalidRequestException("every rate needs a 'date' YYYY-MM-DD");
        }
        String base = currency("base", r.base());
        String quote = currency("quote", r.quote());
        if (base.equals(quote)) {
            throw new InvalidRequestException("'base' and 'quote' must differ, got " + base + "/" + quote);
        }
        if (r.rate() == null || r.rate().signum() <= 0) {
            throw new InvalidRequestException("'rate' of " + base + "/" + quote + " on " + r.date()
                    + " must be a positive number");
        }
        if (r.rate().precision() - r.rate().scale() > 12 || r.rate().scale() > 12) {
            throw new InvalidRequestException("'rate' of " + base + "/" + quote + " on " + r.date()
                    + " must have at most 12 digits before and 12 after the decimal point");
        }
        return new FxRate(r.date(), base, quote, r.rate(), "api");
    }

    private static String key(LocalDate date, String base, String quote) {
        return date + "|" + base + "|" + quote;
    }

    /** A rate as an admin enters it: 1 {@code base} is worth {@code rate} {@code quote} on {@code date}. */
    record RateInput(LocalDate date, String base, String quote, BigDecimal rate) {
    }

    /** The rates into one currency; converts one day's amount or says which rate is missing. */
    public static final class Table {

        private final String quote;
        private final Map<String, FxRate> rates;

        Table(String quote, Map<String, FxRate> rates) {
            this.quote = quote;
            this.rates = rates;
        }

        public String quote() {
            return quote;
        }

        /**
         * The rate from {@code base} into this table's currency on {@code date}: exactly 1 for the same currency,
         * {@code null} when no rate is known.
         */
        public FxRate rate(LocalDate date, String base) {
            if (base.equals(quote)) {
                return new FxRate(date, base, quote, BigDecimal.ONE, "identity");
            }
            return rates.get(key(date, base, quote));
        }
    }
}
