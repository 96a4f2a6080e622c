package io.adpulse.reporting.spend;

import io.adpulse.reporting.brand.Selection;
import io.adpulse.reporting.brand.Selections;
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
 * {@code GET /api/reporting/spend?from=&to=[&advertiserId=...][&brand=][&client=][&format=csv|json]}: spend by
 * advertiser and day, totals per currency. {@code advertiserId} may be repeated or comma separated; {@code brand}
 * and {@code client} restrict the report to their advertisers; without any filter every advertiser is reported. The exports stream the rows, each labelled with its currency, and no totals.
 */
@RestController
class SpendController {

    private static final String PATH = "/api/reporting/spend";
    private static final List<String> CSV_HEADER = List.of("advertiserId", "advertiserName", "date", "currency",
            "spend", "source");

    private final SpendReports reports;
    private final Selections selections;
    private final ReportingProperties properties;

    SpendController(SpendReports reports, Selections selections, ReportingProperties properties) {
        this.reports = reports;
        this.selections = selections;
        this.properties = properties;
    }

    @GetMapping(PATH)
    Mono<SpendReport> spend(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) List<String> advertiserId, @RequestParam(required = false) String brand,
            @RequestParam(required = false) String client, @RequestParam(required = false) String format) {
        return Mono.defer(() -> {
            Exports.format(format);
            DateRange range = DateRange.parse(from, to, properties.maxRangeDays());
            return selections.resolve(AdvertiserIds.several(advertiserId), Selections.groupId("brand", brand),
                    Selections.groupId("client", client)).flatMap(selection -> reports.report(range, selection));
        });
    }

    @GetMapping(path = PATH, params = "format=csv")
    Mono<ResponseEntity<Flux<String>>> csv(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) List<String> advertiserId,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String client) {
        return Mono.defer(() -> {
            DateRange range = DateRange.parse(from, to, properties.maxRangeDays());
            return selection(advertiserId, brand, client).map(ids -> Exports.csv(filename(range, ids), CSV_HEADER,
                    reports.days(range, ids),
                    row -> Arrays.asList(row.advertiserId(), row.advertiserName(),
                            row.date().toString(), row.currency(), row.spend(), row.source().name())));
        });
    }

    @GetMapping(path = PATH, params = "format=json")
    Mono<ResponseEntity<Flux<SpendReport.Row>>> json(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) List<String> advertiserId,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String client) {
        return Mono.defer(() -> {
            DateRange range = DateRange.parse(from, to, properties.maxRangeDays());
            return selection(advertiserId, brand, client)
                    .map(ids -> Exports.json(filename(range, ids), reports.days(range, ids)));
        });
    }

    private Mono<Selection> selection(List<String> advertiserId, String brand, String client) {
        return selections.resolve(AdvertiserIds.several(advertiserId), Selections.groupId("brand", brand),
                Selections.groupId("client", client));
    }

    private static String filename(DateRange range, Selection selection) {
        return Exports.filename("spend", selection.label(), range.from(), range.to());
    }
}
