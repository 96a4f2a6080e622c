package io.adpulse.reporting.analytics;

import io.adpulse.events.EntityLevel;
import io.adpulse.reporting.kpi.Measures;
import io.adpulse.reporting.kpi.Rounding;
import io.adpulse.reporting.web.DateRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The overview of one advertiser, or of the advertisers of a brand or client, over a range: its totals (advertiser level, with the campaign fallback of
 * the time series) and KPIs, the same for the previous period of equal length (the days just before
 * {@code from}), and the change of every figure.
 *
 * <p>A change is computed from the figures as shown (rounded), so that it matches them: {@code change} is
 * current − previous, {@code relativeChange} is that change divided by the previous figure, a fraction to 4
 * decimals (0.2500 is +25 %). Either is {@code null} when a figure is missing, and the relative change also
 * when the previous figure is 0.
 */
@Service
class Overview {

    private final TimeSeries series;

    Overview(TimeSeries series) {
        this.series = series;
    }

    /** The period of equal length that ends the day before {@code range} starts. */
    static DateRange previous(DateRange range) {
        long days = ChronoUnit.DAYS.between(range.from(), range.to()) + 1;
        return new DateRange(range.from().minusDays(days), range.from().minusDays(1));
    }

    Mono<OverviewReport> report(Target target, DateRange range) {
        DateRange before = previous(range);
        return series.scope(target, EntityLevel.ADVERTISER, null, Grain.DAY, range)
                .flatMap(scope -> series.scope(target, EntityLevel.ADVERTISER, null, Grain.DAY, before)
                        .then(Mono.zip(series.totals(scope, Grain.DAY, range), series.totals(scope, Grain.DAY, before)))
                        .map(t -> OverviewReport.of(scope, window(range, t.getT1(), scope.currency()),
                                window(before, t.getT2(), scope.currency()))));
    }

    private static Window window(DateRange range, TimeSeries.Totals totals, String currency) {
        return new Window(range.from(), range.to(), totals.slotsInRange(), totals.slotsReported(),
                totals.measures(currency));
    }

    /** The overview as the API returns it; {@code deltas} is keyed by figure name, in {@link Measures#NAMES} order. */
    record OverviewReport(String advertiserId, String advertiserName, String brandId, String clientId,
            List<String> advertiserIds, String timeZone, List<String> timeZones, String currency, Window current,
            Window previous, Map<String, Delta> deltas) {

        static OverviewReport of(Scope scope, Window current, Window previous) {
            Map<String, Delta> deltas = new LinkedHashMap<>();
            List<String> now = current.metrics().values();
            List<String> then = previous.metrics().values();
            for (int i = 0; i < Measures.NAMES.size(); i++) {
                deltas.put(Measures.NAMES.get(i), Delta.of(now.get(i), then.get(i)));
            }
            return new OverviewReport(scope.advertiserId(), scope.advertiserName(), scope.brandId(), scope.clientId(),
                    scope.advertiserIds(), scope.timeZone(), scope.timeZones(), scope.currency(), current, previous,
                    deltas);
        }
    }

    /** One period of the overview: its days, how many of them were observed, its figures. */
    record Window(LocalDate from, LocalDate to, long daysInRange, long daysReported, Measures metrics) {
    }

    /** How a figure changed from the previous period to the current one. */
    record Delta(String change, String relativeChange) {

        static Delta of(String current, String previous) {
            if (current == null || previous == null) {
                return new Delta(null, null);
            }
            BigDecimal now = new BigDecimal(current);
            BigDecimal then = new BigDecimal(previous);
            BigDecimal change = now.subtract(then);
            BigDecimal relative = then.signum() == 0 ? null
                    : change.divide(then.abs(), Rounding.RATIO_SCALE, Rounding.MODE);
            return new Delta(change.toPlainString(), relative == null ? null : relative.toPlainString());
        }
    }
}
