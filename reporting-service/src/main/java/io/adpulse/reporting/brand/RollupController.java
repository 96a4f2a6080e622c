package io.adpulse.reporting.brand;

import io.adpulse.reporting.config.ReportingProperties;
import io.adpulse.reporting.fx.FxRates;
import io.adpulse.reporting.kpi.Measures;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.Exports;
import io.adpulse.reporting.web.InvalidRequestException;
import io.adpulse.reporting.web.Texts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/reporting/rollups?by=brand|client&from=&to=[&client=][&brand=][&currency=][&format=csv|json]}:
 * totals and KPIs per brand or client, per currency unless {@code currency} converts them through the daily FX
 * table. The exports have one row per group and currency, each labelled with how its amounts are given.
 */
@RestController
class RollupController {

    private static final String PATH = "/api/reporting/rollups";
    private static final List<String> CSV_HEADER;

    static {
        List<String> header = new ArrayList<>(List.of("by", "from", "to", "brandId", "brandName", "clientId",
                "clientName", "currency", "amounts", "advertisers", "advertiserDays"));
        header.addAll(Measures.NAMES);
        CSV_HEADER = List.copyOf(header);
    }

    private final Rollups rollups;
    private final ReportingProperties properties;

    RollupController(Rollups rollups, ReportingProperties properties) {
        this.rollups = rollups;
        this.properties = properties;
    }

    @GetMapping(PATH)
    Mono<Rollups.Rollup> rollup(@RequestParam(required = false) String by,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String client, @RequestParam(required = false) String brand,
            @RequestParam(required = false) String currency, @RequestParam(required = false) String format) {
        return Mono.defer(() -> {
            Exports.format(format);
            Request r = Request.parse(by, from, to, client, brand, currency, properties);
            return rollups.rollup(r.by, r.client, r.brand, r.range, r.currency);
        });
    }

    @GetMapping(path = PATH, params = "format=csv")
    Mono<ResponseEntity<Flux<String>>> csv(@RequestParam(required = false) String by,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String client, @RequestParam(required = false) String brand,
            @RequestParam(required = false) String currency) {
        return Mono.defer(() -> {
            Request r = Request.parse(by, from, to, client, brand, currency, properties);
            return rollups.rollup(r.by, r.client, r.brand, r.range, r.currency)
                    .map(rollup -> Exports.csv(r.filename(), CSV_HEADER, Flux.fromIterable(rollup.rows()),
                            row -> cells(rollup, row)));
        });
    }

    @GetMapping(path = PATH, params = "format=json")
    Mono<ResponseEntity<Flux<ExportedRow>>> json(@RequestParam(required = false) String by,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String client, @RequestParam(required = false) String brand,
            @RequestParam(required = false) String currency) {
        return Mono.defer(() -> {
            Request r = Request.parse(by, from, to, client, brand, currency, properties);
            return rollups.rollup(r.by, r.client, r.brand, r.range, r.currency)
                    .map(rollup -> Exports.json(r.filename(), Flux.fromIterable(rollup.rows())
                            .map(row -> new ExportedRow(rollup.by(), rollup.from(), rollup.to(), rollup.amounts(),
                                    row))));
        });
    }

    private static List<String> cells(Rollups.Rollup rollup, Rollups.Row row) {
        List<String> cells = new ArrayList<>(Arrays.asList(rollup.by(), rollup.from().toString(),
                rollup.to().toString(), row.brandId(), row.brandName(), row.clientId(), row.clientName(),
                row.currency(), rollup.amounts(), String.valueOf(row.advertisers()),
                String.valueOf(row.advertiserDays())));
        cells.addAll(row.metrics().values());
        return cells;
    }

    /** A row of a JSON export, labelled with the grouping, the range and how its amounts are given. */
    record ExportedRow(String by, LocalDate from, LocalDate to, String amounts, Rollups.Row row) {
    }

    private record Request(Rollups.By by, DateRange range, String client, String brand, String currency) {

        static Request parse(String by, String from, String to, String client, String brand, String currency,
                ReportingProperties properties) {
            Rollups.By grouping = by(by);
            DateRange range = DateRange.parse(from, to, properties.maxRangeDays());
            return new Request(grouping, range, Selections.groupId("client", client),
                    Selections.groupId("brand", brand), currency == null ? null : FxRates.currency("currency", currency));
        }

        private static Rollups.By by(String by) {
            if (by == null) {
                return Rollups.By.BRAND;
            }
            return switch (by.strip().toLowerCase(Locale.ROOT)) {
                case "brand" -> Rollups.By.BRAND;
                case "client" -> Rollups.By.CLIENT;
                default -> throw new InvalidRequestException("'by' must be brand or client, got '"
                        + Texts.echo(by, 20) + "'");
            };
        }

        String filename() {
            return Exports.filename("rollup", by.name().toLowerCase(Locale.ROOT),
                    client == null ? null : "client-" + client, brand == null ? null : "brand-" + brand, currency,
                    range.from(), range.to());
        }
    }
}
