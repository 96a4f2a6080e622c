package io.adpulse.reporting.analytics;

import io.adpulse.events.EntityLevel;
import io.adpulse.reporting.config.ReportingProperties;
import io.adpulse.reporting.kpi.Measures;
import io.adpulse.reporting.web.AdvertiserIds;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.Exports;
import io.adpulse.reporting.web.InvalidRequestException;
import io.adpulse.reporting.web.Levels;
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
 * {@code GET /api/reporting/top?advertiserId=|brand=|client=&level=&metric=&from=&to=&limit=[&parentId=][&order=][&format=]}:
 * the entities of one level ranked by a metric or KPI. With {@code parentId} it is the breakdown of a
 * campaign into its ad groups, or of an ad group into its ads.
 */
@RestController
class TopController {

    private static final String PATH = "/api/reporting/top";
    /** Entities listed when {@code limit} is absent. */
    static final int DEFAULT_LIMIT = 10;
    /** Most entities one request may list. */
    static final int MAX_LIMIT = 1000;
    private static final List<String> CSV_HEADER;

    static {
        List<String> header = new ArrayList<>(List.of("advertiserId", "brandId", "clientId", "level", "timeZone",
                "currency", "from", "to",
                "rank", "entityId", "entityName", "status", "deleted", "parentId", "daysReported"));
        header.addAll(Measures.NAMES);
        CSV_HEADER = List.copyOf(header);
    }

    private final Scopes scopes;
    private final TopRepository repository;
    private final ReportingProperties properties;

    TopController(Scopes scopes, TopRepository repository, ReportingProperties properties) {
        this.scopes = scopes;
        this.repository = repository;
        this.properties = properties;
    }

    @GetMapping(PATH)
    Mono<TopReport> top(@RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String client,
            @RequestParam(required = false) String level, @RequestParam(required = false) String metric,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String parentId,
            @RequestParam(required = false) String order, @RequestParam(required = false) String format) {
        return Mono.defer(() -> {
            Exports.format(format);
            Request r = Request.parse(advertiserId, brand, client, level, metric, from, to, limit, parentId, order,
                    properties);
            return scopes.resolve(r.target, r.level, null, r.range, false)
                    .flatMap(scope -> rows(scope, r).collectList().map(rows -> new TopReport(scope.advertiserId(),
                            scope.advertiserName(), scope.brandId(), scope.clientId(), scope.advertiserIds(),
                            Levels.name(r.level), r.parentId, r.metric.apiName, r.ascending ? "asc" : "desc", r.limit,
                            scope.timeZone(), scope.timeZones(), scope.currency(), r.range.from(), r.range.to(),
                            rows)));
        });
    }

    @GetMapping(path = PATH, params = "format=csv")
    Mono<ResponseEntity<Flux<String>>> csv(@RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String client,
            @RequestParam(required = false) String level, @RequestParam(required = false) String metric,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String parentId,
            @RequestParam(required = false) String order) {
        return Mono.defer(() -> {
            Request r = Request.parse(advertiserId, brand, client, level, metric, from, to, limit, parentId, order,
                    properties);
            return scopes.resolve(r.target, r.level, null, r.range, false)
                    .map(scope -> Exports.csv(r.filename(), CSV_HEADER, rows(scope, r), row -> cells(scope, r, row)));
        });
    }

    @GetMapping(path = PATH, params = "format=json")
    Mono<ResponseEntity<Flux<ExportedRow>>> json(@RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String client,
            @RequestParam(required = false) String level, @RequestParam(required = false) String metric,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String parentId,
            @RequestParam(required = false) String order) {
        return Mono.defer(() -> {
            Request r = Request.parse(advertiserId, brand, client, level, metric, from, to, limit, parentId, order,
                    properties);
            return scopes.resolve(r.target, r.level, null, r.range, false)
                    .map(scope -> Exports.json(r.filename(), rows(scope, r).map(row -> new ExportedRow(
                            row.advertiserId(), scope.brandId(), scope.clientId(), Levels.name(r.level),
                            scope.timeZoneOf(row.advertiserId()), scope.currency(), r.range.from(), r.range.to(),
                            row))));
        });
    }

    private Flux<Row> rows(Scope scope, Request r) {
        return repository.top(scope.advertiserIds(), r.level, r.parentId, r.range, r.metric, r.ascending, r.limit)
                .index()
                .map(t -> Row.of(t.getT1() + 1, t.getT2(), scope.currency()));
    }

    private static List<String> cells(Scope scope, Request r, Row row) {
        List<String> cells = new ArrayList<>(Arrays.asList(row.advertiserId(), scope.brandId(), scope.clientId(),
                Levels.name(r.level), scope.timeZoneOf(row.advertiserId()), scope.currency(),
                r.range.from().toString(), r.range.to().toString(), String.valueOf(row.rank()), row.entityId(), row.entityName(), row.status(),
                row.deleted() == null ? null : row.deleted().toString(), row.parentId(),
                String.valueOf(row.daysReported())));
        cells.addAll(row.metrics().values());
        return cells;
    }

    /** The ranking as the API returns it. */
    record TopReport(String advertiserId, String advertiserName, String brandId, String clientId,
            List<String> advertiserIds, String level, String parentId, String metric, String order, int limit,
            String timeZone, List<String> timeZones, String currency, LocalDate from, LocalDate to, List<Row> rows) {
    }

    /** One ranked entity: its latest state, the days it was reported on, its sums and KPIs. */
    record Row(long rank, String advertiserId, String entityId, String entityName, String status, Boolean deleted,
            String parentId, long daysReported, Measures metrics) {

        static Row of(long rank, TopRepository.Ranked r, String currency) {
            return new Row(rank, r.advertiserId(), r.entityId(), r.name(), r.status(), r.deleted(), r.parentId(),
                    r.daysReported(), Measures.of(r.sums(), currency));
        }
    }

    /** A ranked entity of a JSON export, labelled with its advertiser, time zone, currency and range. */
    record ExportedRow(String advertiserId, String brandId, String clientId, String level, String timeZone, String currency, LocalDate from,
            LocalDate to, Row row) {
    }

    /** The checked parameters of one request. */
    private record Request(Target target, EntityLevel level, RankMetric metric, DateRange range, int limit,
            String parentId, boolean ascending) {

        static Request parse(String advertiserId, String brand, String client, String level, String metric,
                String from, String to, String limit, String parentId, String order, ReportingProperties properties) {
            Target id = Target.parse(advertiserId, brand, client);
            EntityLevel lvl = Levels.parse(level, EntityLevel.CAMPAIGN);
            if (lvl == EntityLevel.ADVERTISER) {
                throw new InvalidRequestException("'level' of a ranking must be campaign, adgroup or ad");
            }
            RankMetric m = RankMetric.parse(metric);
            String parent = parentId == null || parentId.isBlank() ? null : AdvertiserIds.check("parentId", parentId);
            return new Request(id, lvl, m, DateRange.parse(from, to, properties.maxRangeDays()), limit(limit), parent,
                    ascending(order));
        }

        private static int limit(String limit) {
            if (limit == null) {
                return DEFAULT_LIMIT;
            }
            try {
                int value = Integer.parseInt(limit.strip());
                if (value >= 1 && value <= MAX_LIMIT) {
                    return value;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new InvalidRequestException("'limit' must be a whole number from 1 to " + MAX_LIMIT);
        }

        private static boolean ascending(String order) {
            if (order == null) {
                return false;
            }
            return switch (order.strip().toLowerCase(Locale.ROOT)) {
                case "asc" -> true;
                case "desc" -> false;
                default -> throw new InvalidRequestException("'order' must be asc or desc");
            };
        }

        String filename() {
            return Exports.filename("top", target.label(), Levels.name(level), parentId, metric.apiName, range.from(),
                    range.to());
        }
    }
}
