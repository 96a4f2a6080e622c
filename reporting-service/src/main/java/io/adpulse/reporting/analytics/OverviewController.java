package io.adpulse.reporting.analytics;

import io.adpulse.reporting.config.ReportingProperties;
import io.adpulse.reporting.kpi.Measures;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.Exports;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/reporting/overview?advertiserId=|brand=|client=&from=&to=[&format=csv|json]}: totals, KPIs and their change
 * against the previous period of equal length. The exports have one row per figure.
 */
@RestController
class OverviewController {

    private static final String PATH = "/api/reporting/overview";
    private static final List<String> CSV_HEADER = List.of("advertiserId", "brandId", "clientId", "timeZone",
            "currency", "metric",
            "currentFrom", "currentTo", "current", "previousFrom", "previousTo", "previous", "change",
            "relativeChange");

    private final Overview overview;
    private final ReportingProperties properties;

    OverviewController(Overview overview, ReportingProperties properties) {
        this.overview = overview;
        this.properties = properties;
    }

    @GetMapping(PATH)
    Mono<Overview.OverviewReport> report(@RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String client,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String format) {
        return Mono.defer(() -> {
            Exports.format(format);
            return overview.report(Target.parse(advertiserId, brand, client),
                    DateRange.parse(from, to, properties.maxRangeDays()));
        });
    }

    @GetMapping(path = PATH, params = "format=csv")
    Mono<ResponseEntity<Flux<String>>> csv(@RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String client,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return rows(advertiserId, brand, client, from, to).map(r -> Exports.csv(r.filename, CSV_HEADER, r.rows,
                row -> Arrays.asList(row.advertiserId(), row.brandId(), row.clientId(), row.timeZone(), row.currency(), row.metric(), row.currentFrom(), row.currentTo(),
                row.current(), row.previousFrom(), row.previousTo(), row.previous(), row.change(),
                row.relativeChange())));
    }

    @GetMapping(path = PATH, params = "format=json")
    Mono<ResponseEntity<Flux<Row>>> json(@RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String client,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return rows(advertiserId, brand, client, from, to).map(r -> Exports.json(r.filename, r.rows));
    }

    private Mono<Rows> rows(String advertiserId, String brand, String client, String from, String to) {
        return Mono.defer(() -> {
            Target target = Target.parse(advertiserId, brand, client);
            DateRange range = DateRange.parse(from, to, properties.maxRangeDays());
            return overview.report(target, range).map(report -> new Rows(
                    Exports.filename("overview", target.label(), range.from(), range.to()),
                    Flux.fromIterable(rows(report))));
        });
    }

    private static List<Row> rows(Overview.OverviewReport r) {
        List<String> now = r.current().metrics().values();
        List<String> then = r.previous().metrics().values();
        return IntStream.range(0, Measures.NAMES.size()).mapToObj(i -> {
            Overview.Delta delta = r.deltas().get(Measures.NAMES.get(i));
            return new Row(r.advertiserId(), r.brandId(), r.clientId(),
                    r.timeZones().isEmpty() ? null : String.join(";", r.timeZones()), r.currency(),
                    Measures.NAMES.get(i), r.current().from().toString(), r.current().to().toString(), now.get(i),
                    r.previous().from().toString(), r.previous().to().toString(), then.get(i), delta.change(),
                    delta.relativeChange());
        }).toList();
    }

    /** One figure of the overview, as exported. */
    record Row(String advertiserId, String brandId, String clientId, String timeZone, String currency, String metric,
            String currentFrom, String currentTo, String current, String previousFrom, String previousTo, String previous, String change,
            String relativeChange) {
    }

    private record Rows(String filename, Flux<Row> rows) {
    }
}
