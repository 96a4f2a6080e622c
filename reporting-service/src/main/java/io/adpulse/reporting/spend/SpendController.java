package io.adpulse.reporting.spend;

import io.adpulse.reporting.config.ReportingProperties;
import io.adpulse.reporting.web.AdvertiserIds;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.Exports;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/reporting/spend?from=&to=[&advertiserId=...][&format=csv|json]}: spend by advertiser and
 * day, totals per currency. {@code advertiserId} may be repeated or comma separated; without it every
 * advertiser is reported. The exports stream the rows, each labelled with its currency, and no totals.
 */
@RestController
class SpendController {

    private static final String PATH = "/api/reporting/spend";
    private static final List<String> CSV_HEADER = List.of("advertiserId", "advertiserName", "date", "currency",
            "spend", "source");

    private final SpendReports reports;
    private final ReportingProperties properties;

    SpendController(SpendReports reports, ReportingProperties properties) {
        this.reports = reports;
        this.properties = properties;
    }

    @GetMapping(PATH)
    Mono<SpendReport> spend(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) List<String> advertiserId,
            @RequestParam(required = false) String format) {
        return Mono.defer(() -> {
            Exports.format(format);
            return reports.report(DateRange.parse(from, to, properties.maxRangeDays()),
                    AdvertiserIds.several(advertiserId));
        });
    }

    @GetMapping(path = PATH, params = "format=csv")
    Mono<ResponseEntity<Flux<String>>> csv(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) List<String> advertiserId) {
        return Mono.defer(() -> {
            DateRange range = DateRange.parse(from, to, properties.maxRangeDays());
            List<String> ids = AdvertiserIds.several(advertiserId);
            return reports.days(range, ids).map(days -> Exports.csv(filename(range, ids), CSV_HEADER,
                    days.map(SpendReport::row), row -> Arrays.asList(row.advertiserId(), row.advertiserName(),
                            row.date().toString(), row.currency(), row.spend(), row.source().name())));
        });
    }

    @GetMapping(path = PATH, params = "format=json")
    Mono<ResponseEntity<Flux<SpendReport.Row>>> json(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) List<String> advertiserId) {
        return Mono.defer(() -> {
            DateRange range = DateRange.parse(from, to, properties.maxRangeDays());
            List<String> ids = AdvertiserIds.several(advertiserId);
            return reports.days(range, ids)
                    .map(days -> Exports.json(filename(range, ids), days.map(SpendReport::row)));
        });
    }

    private static String filename(DateRange range, List<String> ids) {
        return Exports.filename("spend", ids.size() == 1 ? ids.get(0) : ids.isEmpty() ? "all" : "selected",
                range.from(), range.to());
    }
}
