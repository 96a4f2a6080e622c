package io.adpulse.reporting.pacing;

import io.adpulse.reporting.brand.Selection;
import io.adpulse.reporting.brand.Selections;
import io.adpulse.reporting.web.AdvertiserIds;
import io.adpulse.reporting.web.Exports;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/reporting/pacing[?advertiserId=...][&brand=][&client=][&campaignId=][&format=csv|json]}: every
 * campaign and ad group with a daily or lifetime budget, paced at now: spend so far in the current period, expected
 * by now, projection to the end of the period and a status.
 */
@RestController
class PacingController {

    private static final String PATH = "/api/reporting/pacing";
    private static final List<String> CSV_HEADER = List.of("advertiserId", "advertiserName", "timeZone", "level",
            "entityId", "campaignId", "entityName", "entityStatus", "budgetMode", "budget", "currency", "periodStart",
            "periodEnd", "now", "elapsed", "spentSoFar", "spendDays", "spendCurrency", "expectedByNow",
            "projectedSpend", "status", "expectedBasis", "curveDays");

    private final Pacing pacing;
    private final Selections selections;

    PacingController(Pacing pacing, Selections selections) {
        this.pacing = pacing;
        this.selections = selections;
    }

    @GetMapping(PATH)
    Mono<PacingReport> report(@RequestParam(required = false) List<String> advertiserId,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String client,
            @RequestParam(required = false) String campaignId, @RequestParam(required = false) String format) {
        return Mono.defer(() -> {
            Exports.format(format);
            String campaign = campaign(campaignId);
            Instant now = pacing.now();
            return selection(advertiserId, brand, client).flatMap(s -> pacing.rows(s, campaign, now).collectList()
                    .map(rows -> new PacingReport(now, s.named(), s.brandId(), s.clientId(), campaign, rows)));
        });
    }

    @GetMapping(path = PATH, params = "format=csv")
    Mono<ResponseEntity<Flux<String>>> csv(@RequestParam(required = false) List<String> advertiserId,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String client,
            @RequestParam(required = false) String campaignId) {
        return Mono.defer(() -> {
            String campaign = campaign(campaignId);
            Instant now = pacing.now();
            return selection(advertiserId, brand, client).map(s -> Exports.csv(filename(s, campaign), CSV_HEADER,
                    pacing.rows(s, campaign, now), r -> Arrays.asList(r.advertiserId(), r.advertiserName(),
                            r.timeZone(), r.level(), r.entityId(), r.campaignId(), r.entityName(), r.entityStatus(),
                            r.budgetMode(), r.budget(), r.currency(), r.periodStart(), r.periodEnd(), r.now(),
                            r.elapsed(), r.spentSoFar(), String.valueOf(r.spendDays()), r.spendCurrency(),
                            r.expectedByNow(), r.projectedSpend(), r.status(), r.expectedBasis(),
                            r.curveDays() == null ? null : String.valueOf(r.curveDays()))));
        });
    }

    @GetMapping(path = PATH, params = "format=json")
    Mono<ResponseEntity<Flux<Pacing.Row>>> json(@RequestParam(required = false) List<String> advertiserId,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String client,
            @RequestParam(required = false) String campaignId) {
        return Mono.defer(() -> {
            String campaign = campaign(campaignId);
            Instant now = pacing.now();
            return selection(advertiserId, brand, client)
                    .map(s -> Exports.json(filename(s, campaign), pacing.rows(s, campaign, now)));
        });
    }

    private Mono<Selection> selection(List<String> advertiserId, String brand, String client) {
        return selections.resolve(AdvertiserIds.several(advertiserId), Selections.groupId("brand", brand),
                Selections.groupId("client", client));
    }

    private static String campaign(String campaignId) {
        return campaignId == null ? null : AdvertiserIds.check("campaignId", campaignId);
    }

    private static String filename(Selection selection, String campaign) {
        return Exports.filename("pacing", selection.label(), campaign);
    }

    /** The pacing of every budget selected, at {@code asOf}. */
    record PacingReport(Instant asOf, List<String> advertiserIds, String brandId, String clientId, String campaignId,
            List<Pacing.Row> rows) {
    }
}
