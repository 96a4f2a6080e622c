package io.adpulse.reporting.spend;

import io.adpulse.reporting.config.ReportingProperties;
import io.adpulse.reporting.web.AdvertiserIds;
import io.adpulse.reporting.web.DateRange;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/reporting/spend?from=&to=[&advertiserId=]}: spend by advertiser and day, totals per currency. */
@RestController
class SpendController {

    private final SpendReports reports;
    private final ReportingProperties properties;

    SpendController(SpendReports reports, ReportingProperties properties) {
        this.reports = reports;
        this.properties = properties;
    }

    @GetMapping("/api/reporting/spend")
    Mono<SpendReport> spend(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String advertiserId) {
        return Mono.defer(() -> reports.report(DateRange.parse(from, to, properties.maxRangeDays()),
                AdvertiserIds.optional(advertiserId)));
    }
}
