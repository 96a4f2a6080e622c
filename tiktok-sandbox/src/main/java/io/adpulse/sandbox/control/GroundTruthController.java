package io.adpulse.sandbox.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.Catalog;
import io.adpulse.sandbox.catalog.EntityLevel;
import io.adpulse.sandbox.metrics.MetricStore;
import reactor.core.publisher.Mono;

/**
 * {@code GET /sandbox/ground-truth} (test-only, not TikTok's API): what the report API must answer and Adpulse must
 * end up showing, per entity at a level and per local day or hour of the advertiser's display time zone.
 */
@RestController
class GroundTruthController {

    /**
     * The answer: the request echoed with the advertiser's currency and zone, the instant the figures were taken at
     * (today's grow while the clock runs), and the rows.
     */
    record Truth(@JsonProperty("advertiser_id") String advertiserId, String level, String granularity,
                 @JsonProperty("start_date") LocalDate startDate, @JsonProperty("end_date") LocalDate endDate,
                 String currency, @JsonProperty("display_timezone") String displayTimezone,
                 @JsonProperty("as_of") Instant asOf, List<Map<String, Object>> rows) {
    }

    private final Catalog catalog;
    private final GroundTruth truth;
    private final MetricStore store;

    GroundTruthController(Catalog catalog, GroundTruth truth, MetricStore store) {
        this.catalog = catalog;
        this.truth = truth;
        this.store = store;
    }

    @GetMapping("/sandbox/ground-truth")
    Mono<Truth> groundTruth(@RequestParam(required = false) String level,
                            @RequestParam(name = "advertiser_id", required = false) String advertiserId,
                            @RequestParam(name = "start_date", required = false) String startDate,
                            @RequestParam(name = "end_date", required = false) String endDate,
                            @RequestParam(required = false) String granularity) {
        return Mono.fromSupplier(() -> {
            EntityLevel entityLevel = EntityLevel.ofName(Problems.required("level", level))
                    .orElseThrow(() -> Problems.badRequest("level must be advertiser, campaign, adgroup or ad."));
            Grain grain = granularity == null || granularity.isBlank() ? Grain.DAY : Grain.of(granularity.trim())
                    .orElseThrow(() -> Problems.badRequest("granularity must be day or hour."));
            String id = Problems.required("advertiser_id", advertiserId);
            Advertiser advertiser = catalog.advertiser(id)
                    .orElseThrow(() -> Problems.notFound("No seeded advertiser has id " + id + "."));
            LocalDate start = Problems.date("start_date", startDate);
            LocalDate end = Problems.date("end_date", endDate);
            if (end.isBefore(start)) {
                throw Problems.badRequest("end_date must not be before start_date.");
            }
            if (ChronoUnit.DAYS.between(start, end) + 1 > grain.maxDays()) {
                throw Problems.badRequest("At most " + grain.maxDays() + " days per request at granularity "
                        + grain.apiName() + ".");
            }
            Instant now = store.now();
            List<Map<String, Object>> rows = truth.rows(advertiser, entityLevel, start, end, grain, now).stream()
                    .map(row -> row.render(advertiser.decimals())).toList();
            return new Truth(advertiser.id(), entityLevel.name().toLowerCase(), grain.apiName(), start, end,
                    advertiser.currency().getCurrencyCode(), advertiser.zone().getId(), now, rows);
        });
    }
}
