package io.adpulse.reporting.campaign;

import io.adpulse.reporting.config.ReportingProperties;
import io.adpulse.reporting.web.AdvertiserIds;
import io.adpulse.reporting.web.DateRange;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/reporting/campaigns/daily?advertiserId=&from=&to=}. Parameters are checked here so a
 * bad one is a 400 problem that names it; an unknown advertiser is a 404 problem.
 */
@RestController
class CampaignDailyController {

    private final CampaignDailyReports reports;
    private final ReportingProperties properties;

    CampaignDailyController(CampaignDailyReports reports, ReportingProperties properties) {
        this.reports = reports;
        this.properties = properties;
    }

    @GetMapping("/api/reporting/campaigns/daily")
    Mono<CampaignDailyReport> daily(@RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return Mono.defer(() -> reports.report(AdvertiserIds.require(advertiserId),
                DateRange.parse(from, to, properties.maxRangeDays())));
    }
}
