package io.adpulse.reporting.analytics;

import io.adpulse.events.EntityLevel;
import io.adpulse.reporting.kpi.Measures;
import io.adpulse.reporting.kpi.MetricSums;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.Levels;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Builds time series: one point per hour, day, ISO week or month of the range, in the advertiser's time zone
 * and currency, with every metric summed and every KPI computed from those sums.
 *
 * <p>Rules: a bucket cut by the range counts only its days inside it and says so ({@code partial}); a bucket
 * in which nothing was observed has {@code null} metrics, not zeros; the totals are the sums over the
 * observed buckets, with KPIs from those sums, and a metric missing in any observed row makes its total
 * {@code null}.
 */
@Service
class TimeSeries {

    private final Scopes scopes;
    private final SeriesRepository repository;

    TimeSeries(Scopes scopes, SeriesRepository repository) {
        this.scopes = scopes;
        this.repository = repository;
    }

    Mono<Scope> scope(Target target, EntityLevel level, String entityId, Grain grain, DateRange range) {
        return scopes.resolve(target, level, entityId, range, grain.hourly());
    }

    /** The points of the scope, streamed in order. */
    Flux<Point> points(Scope scope, Grain grain, DateRange range) {
        return repository.periods(scope, grain, range).map(period -> Point.of(period, grain, scope.currency()));
    }

    /** The unrounded totals of the scope over the range, read at the daily (or hourly) grain. */
    Mono<Totals> totals(Scope scope, Grain grain, DateRange range) {
        return repository.periods(scope, grain.hourly() ? Grain.HOUR : Grain.DAY, range)
                .reduce(Totals.NONE, Totals::plus);
    }

    Mono<TimeSeriesReport> report(Target target, EntityLevel level, String entityId, Grain grain,
            DateRange range) {
        return scope(target, level, entityId, grain, range)
                .flatMap(scope -> repository.periods(scope, grain, range).collectList()
                        .map(periods -> TimeSeriesReport.of(scope, grain, range, periods)));
    }

    /** Sums over observed slots: how many slots were in range and observed, and what they add up to. */
    record Totals(long slotsInRange, long slotsReported, MetricSums sums) {

        static final Totals NONE = new Totals(0, 0, null);

        Totals plus(Period period) {
            MetricSums merged = period.slotsReported() == 0 ? sums
                    : sums == null ? period.sums() : sums.plus(period.sums());
            return new Totals(slotsInRange + period.slotsInRange(), slotsReported + period.slotsReported(), merged);
        }

        Measures measures(String currency) {
            return sums == null ? Measures.NONE : Measures.of(sums, currency);
        }
    }

    /** One bucket as the API shows it. */
    record Point(String period, String start, String end, boolean partial, long slotsInRange, long slotsReported,
            Measures metrics) {

        static Point of(Period p, Grain grain, String currency) {
            return new Point(grain.label(p.start()), grain.start(p.start()), grain.end(p.start()),
                    p.slotsInRange() < grain.slots(p.start()), p.slotsInRange(), p.slotsReported(),
                    p.slotsReported() == 0 ? Measures.NONE : Measures.of(p.sums(), currency));
        }
    }

    /** The time series report. */
    record TimeSeriesReport(String advertiserId, String advertiserName, String brandId, String clientId,
            List<String> advertiserIds, String level, String entityId, String entityName, Boolean entityDeleted,
            String grain, String timeZone, List<String> timeZones, String currency, LocalDate from, LocalDate to,
            List<Point> points, TotalsView totals) {

        static TimeSeriesReport of(Scope scope, Grain grain, DateRange range, List<Period> periods) {
            Totals totals = Totals.NONE;
            for (Period period : periods) {
                totals = totals.plus(period);
            }
            return new TimeSeriesReport(scope.advertiserId(), scope.advertiserName(), scope.brandId(),
                    scope.clientId(), scope.advertiserIds(), Levels.name(scope.level()), scope.entityId(),
                    scope.entityName(), scope.entityDeleted(), grain.unit, scope.timeZone(), scope.timeZones(),
                    scope.currency(), range.from(), range.to(),
                    periods.stream().map(p -> Point.of(p, grain, scope.currency())).toList(),
                    new TotalsView(totals.slotsInRange(), totals.slotsReported(), totals.measures(scope.currency())));
        }
    }

    /** Totals as the API shows them. */
    record TotalsView(long slotsInRange, long slotsReported, Measures metrics) {
    }
}
