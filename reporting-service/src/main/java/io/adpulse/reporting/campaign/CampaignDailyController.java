package io.adpulse.reporting.campaign;

import io.adpulse.reporting.config.ReportingProperties;
import io.adpulse.reporting.web.AdvertiserIds;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.Exports;
import java.util.Arrays;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/reporting/campaigns/daily?advertiserId=&from=&to=[&format=csv|json]}. Parameters are checked
 * here so a bad one is a 400 problem that names it; an unknown advertiser is a 404 problem. The exports stream
 * the rows, each labelled with the advertiser's time zone and the row's currency, without totals.
 */
@RestController
class CampaignDailyController {

    private static final String PATH = "/api/reporting/campaigns/daily";

    private final CampaignDailyReports reports;
    private final ReportingProperties properties;

    CampaignDailyController(CampaignDailyReports reports, ReportingProperties properties) {
        this.reports = reports;
        this.properties = properties;
    }

    @GetMapping(PATH)
    Mono<CampaignDailyReport> daily(@RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String format) {
        return Mono.defer(() -> {
            Exports.format(format);
            return reports.report(AdvertiserIds.require(advertiserId),
                    DateRange.parse(from, to, properties.maxRangeDays()));
        });
    }

    @GetMapping(path = PATH, params = "format=csv")
    Mono<ResponseEntity<Flux<String>>> csv(@RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return export(advertiserId, from, to).map(e -> Exports.csv(e.filename(), CampaignDailyReport.Row.CSV_HEADER,
                e.rows(), row -> Arrays.asList(row.advertiserId(), row.timeZone(), row.currency(),
                        row.row().date().toString(), row.row().campaignId(), row.row().campaignName(),
                        row.row().campaignStatus(), row.row().deleted() == null ? null : row.row().deleted().toString(),
                        row.row().spend(), row.row().impressions(), row.row().clicks(), row.row().conversions(),
                        row.row().conversionValue(), row.row().roas(), row.row().ctr(), row.row().cpc(),
                        row.row().cpm())));
    }

    @GetMapping(path = PATH, params = "format=json")
    Mono<ResponseEntity<Flux<ExportedRow>>> json(@RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return export(advertiserId, from, to).map(e -> Exports.json(e.filename(), e.rows()));
    }

    private Mono<Export> export(String advertiserId, String from, String to) {
        return Mono.defer(() -> {
            String id = AdvertiserIds.require(advertiserId);
            DateRange range = DateRange.parse(from, to, properties.maxRangeDays());
            return reports.export(id, range).map(e -> new Export(
                    Exports.filename("campaigns-daily", id, range.from(), range.to()),
                    e.rows().map(row -> new ExportedRow(id, e.advertiser().timeZone(), row.currency(), row.row()))));
        });
    }

    private record Export(String filename, Flux<ExportedRow> rows) {
    }

    /** A row of a JSON export, labelled with its advertiser, time zone and currency. */
    record ExportedRow(String advertiserId, String timeZone, String currency, CampaignDailyReport.Row row) {
    }
}
