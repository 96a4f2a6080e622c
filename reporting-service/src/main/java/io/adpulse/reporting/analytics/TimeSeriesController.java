package io.adpulse.reporting.analytics;

import io.adpulse.events.EntityLevel;
import io.adpulse.reporting.config.ReportingProperties;
import io.adpulse.reporting.kpi.Measures;
import io.adpulse.reporting.web.AdvertiserIds;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.Exports;
import io.adpulse.reporting.web.Levels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/reporting/timeseries?advertiserId=|brand=|client=&level=&entityId=&grain=&from=&to=[&format=csv|json]}.
 * Parameters are checked before anything is read, so a bad one is a 400 problem that names it.
 */
@RestController
class TimeSeriesController {

    private static final String PATH = "/api/reporting/timeseries";
    private static final List<String> CSV_HEADER;

    static {
        List<String> header = new ArrayList<>(List.of("advertiserId", "brandId", "clientId", "level", "entityId",
                "grain", "timeZone", "currency", "period", "start", "end", "partial", "slotsInRange", "slotsReported"));
        header.addAll(Measures.NAMES);
        CSV_HEADER = List.copyOf(header);
    }

    private final TimeSeries series;
    private final ReportingProperties properties;

    TimeSeriesController(TimeSeries series, ReportingProperties properties) {
        this.series = series;
        this.properties = properties;
    }

    @GetMapping(PATH)
    Mono<TimeSeries.TimeSeriesReport> report(@RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String client,
            @RequestParam(required = false) String level, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String grain, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String format) {
        return Mono.defer(() -> {
            Exports.format(format);
            Request r = Request.parse(advertiserId, brand, client, level, entityId, grain, from, to, properties);
            return series.report(r.target, r.level, r.entityId, r.grain, r.range);
        });
    }

    @GetMapping(path = PATH, params = "format=csv")
    Mono<ResponseEntity<Flux<String>>> csv(@RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String client,
            @RequestParam(required = false) String level, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String grain, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return Mono.defer(() -> {
            Request r = Request.parse(advertiserId, brand, client, level, entityId, grain, from, to, properties);
            return series.scope(r.target, r.level, r.entityId, r.grain, r.range)
                    .map(scope -> Exports.csv(r.filename(), CSV_HEADER,
                            series.points(scope, r.grain, r.range), point -> cells(scope, r.grain, point)));
        });
    }

    @GetMapping(path = PATH, params = "format=json")
    Mono<ResponseEntity<Flux<ExportedPoint>>> json(@RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String client,
            @RequestParam(required = false) String level, @RequestParam(required = false) String entityId, @RequestParam(required = false) String grain,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return Mono.defer(() -> {
            Request r = Request.parse(advertiserId, brand, client, level, entityId, grain, from, to, properties);
            return series.scope(r.target, r.level, r.entityId, r.grain, r.range)
                    .map(scope -> Exports.json(r.filename(), series.points(scope, r.grain, r.range)
                            .map(point -> ExportedPoint.of(scope, r.grain, point))));
        });
    }

    private static List<String> cells(Scope scope, Grain grain, TimeSeries.Point p) {
        List<String> cells = new ArrayList<>(Arrays.asList(scope.advertiserId(), scope.brandId(), scope.clientId(),
                Levels.name(scope.level()), scope.entityId(), grain.unit, scope.timeZoneLabel(), scope.currency(),
                p.period(), p.start(),
                p.end(), String.valueOf(p.partial()), String.valueOf(p.slotsInRange()),
                String.valueOf(p.slotsReported())));
        cells.addAll(p.metrics().values());
        return cells;
    }

    /** A point of a JSON export, labelled with what it is about, its time zone and its currency. */
    record ExportedPoint(String advertiserId, String brandId, String clientId, String level, String entityId,
            String grain, String timeZone, String currency, String period, String start, String end, boolean partial,
            long slotsInRange, long slotsReported, Measures metrics) {

        static ExportedPoint of(Scope scope, Grain grain, TimeSeries.Point p) {
            return new ExportedPoint(scope.advertiserId(), scope.brandId(), scope.clientId(),
                    Levels.name(scope.level()), scope.entityId(), grain.unit, scope.timeZoneLabel(), scope.currency(), p.period(), p.start(), p.end(), p.partial(),
                    p.slotsInRange(), p.slotsReported(), p.metrics());
        }
    }

    /** The checked parameters of one request. */
    private record Request(Target target, EntityLevel level, String entityId, Grain grain, DateRange range) {

        static Request parse(String advertiserId, String brand, String client, String level, String entityId,
                String grain, String from, String to, ReportingProperties properties) {
            Target id = Target.parse(advertiserId, brand, client);
            EntityLevel lvl = Levels.parse(level, EntityLevel.ADVERTISER);
            Grain g = Grain.parse(grain);
            String entity = entityId == null || entityId.isBlank() ? null
                    : AdvertiserIds.check("entityId", entityId);
            DateRange range = DateRange.parse(from, to,
                    g.hourly() ? properties.maxHourlyRangeDays() : properties.maxRangeDays());
            return new Request(id, lvl, entity, g, range);
        }

        String filename() {
            return Exports.filename("timeseries", target.label(), Levels.name(level),
                    level == EntityLevel.ADVERTISER ? null : entityId, grain.unit, range.from(), range.to());
        }
    }
}
