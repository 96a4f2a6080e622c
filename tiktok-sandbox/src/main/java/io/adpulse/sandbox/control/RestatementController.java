package io.adpulse.sandbox.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.Catalog;
import io.adpulse.sandbox.metrics.Metric;
import io.adpulse.sandbox.metrics.MetricStore;
import io.adpulse.sandbox.metrics.Restatements;
import reactor.core.publisher.Mono;

/**
 * Test-only restatements (not TikTok's API): {@code POST /sandbox/restatements} sets an entity's total of some
 * metrics on one past (or the current) local day, the way TikTok revises figures after the fact, so that tests can
 * watch Adpulse pick the new values up; every level above and below still adds up. {@code DELETE} undoes them all.
 */
@RestController
class RestatementController {

    /**
     * A restatement.
     *
     * @param entityId an advertiser, campaign, ad group or ad id
     * @param date     the local date in the advertiser's display time zone ({@code yyyy-MM-dd})
     * @param metrics  new day totals by TikTok metric name ({@code spend}, {@code conversion}...), as decimal strings
     *                 (money in account currency with at most its decimals) or numbers
     */
    record RestatementRequest(@JsonProperty("entity_id") String entityId, String date, Map<String, String> metrics) {
    }

    /** The entity's ground-truth row for that day after the restatement, in {@code /sandbox/ground-truth}'s shape. */
    record Restated(@JsonProperty("entity_id") String entityId, LocalDate date, List<Map<String, Object>> rows) {
    }

    private final Catalog catalog;
    private final Restatements restatements;
    private final GroundTruth truth;
    private final MetricStore store;

    RestatementController(Catalog catalog, Restatements restatements, GroundTruth truth, MetricStore store) {
        this.catalog = catalog;
        this.restatements = restatements;
        this.truth = truth;
        this.store = store;
    }

    @PostMapping("/sandbox/restatements")
    Mono<Restated> restate(@RequestBody RestatementRequest request) {
        return Mono.fromSupplier(() -> {
            String entityId = Problems.required("entity_id", request.entityId());
            Advertiser advertiser = catalog.ownerOf(entityId)
                    .orElseThrow(() -> Problems.notFound("No seeded advertiser, campaign, ad group or ad has id "
                            + entityId + "."));
            LocalDate date = Problems.date("date", request.date());
            if (request.metrics() == null || request.metrics().isEmpty()) {
                throw Problems.badRequest("metrics must name at least one metric and its new total.");
            }
            Map<Metric, Long> totals = new EnumMap<>(Metric.class);
            request.metrics().forEach((name, value) -> {
                Metric metric = Metric.ofApiName(name).orElseThrow(() -> Problems.badRequest("Unknown metric " + name
                        + "; restatable metrics are the additive ones: " + List.of(Metric.values()).stream()
                        .map(Metric::apiName).toList() + "."));
                totals.put(metric, minorUnits(metric, value, advertiser.decimals()));
            });
            try {
                restatements.restate(entityId, date, totals);
            } catch (IllegalArgumentException rejected) {
                throw Problems.badRequest(rejected.getMessage());
            }
            Instant now = store.now();
            return new Restated(entityId, date, truth.entity(entityId, date, date, Grain.DAY, now).stream()
                    .map(row -> row.render(advertiser.decimals())).toList());
        });
    }

    @DeleteMapping("/sandbox/restatements")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> clear() {
        return Mono.fromRunnable(restatements::clear);
    }

    /** A non-negative total in minor units: money with at most the currency's decimals, counts whole. */
    private static long minorUnits(Metric metric, String value, int decimals) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(Problems.required("metrics." + metric.apiName(), value));
        } catch (NumberFormatException notADecimal) {
            throw Problems.badRequest("metrics." + metric.apiName() + " must be a decimal number, got '" + value + "'.");
        }
        int scale = metric.isMoney() ? decimals : 0;
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > scale) {
            throw Problems.badRequest("metrics." + metric.apiName() + " must be a non-negative number with at most "
                    + scale + " decimals, got '" + value + "'.");
        }
        try {
            return amount.movePointRight(scale).longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw Problems.badRequest("metrics." + metric.apiName() + " is too large.");
        }
    }
}
