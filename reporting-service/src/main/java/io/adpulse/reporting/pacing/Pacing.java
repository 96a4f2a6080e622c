package io.adpulse.reporting.pacing;

import io.adpulse.pacing.IntradayCurve;
import io.adpulse.reporting.brand.Selection;
import io.adpulse.reporting.config.ReportingProperties;
import io.adpulse.reporting.kpi.Figures;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Paces every budget of the selected advertisers at the service clock's now ({@link Pace} says how). Times are shown
 * in the advertiser's time zone with their offset, and the zone is named on every row.
 */
@Service
class Pacing {

    private final PacingRepository repository;
    private final Clock clock;
    private final BigDecimal tolerance;
    private final IntradayCurve.Settings curveSettings;

    Pacing(PacingRepository repository, Clock clock, ReportingProperties properties, PacingCurveProperties curve) {
        this.repository = repository;
        this.clock = clock;
        this.tolerance = properties.pacingTolerance();
        this.curveSettings = new IntradayCurve.Settings(curve.historyDays(), curve.minDays());
    }

    /** The instant the pacing is computed at. */
    Instant now() {
        return clock.instant();
    }

    Flux<Row> rows(Selection selection, String campaignId, Instant now) {
        if (selection.advertiserIds() != null && selection.advertiserIds().isEmpty()) {
            return Flux.empty();
        }
        Map<String, Mono<IntradayCurve>> curves = new ConcurrentHashMap<>();
        return repository.budgets(selection.advertiserIds(), campaignId).concatMap(budget -> row(budget, now, curves));
    }

    /**
     * The advertiser's intraday curve for its current local day, learned from its hourly campaign spend on the
     * complete local days before it (linear without enough of it); read once per advertiser and request.
     */
    private Mono<IntradayCurve> curve(String advertiserId, LocalDate today, Map<String, Mono<IntradayCurve>> curves) {
        return curves.computeIfAbsent(advertiserId + "/" + today, key -> repository
                .hourlySpend(advertiserId, today.minusDays(curveSettings.historyDays()), today.minusDays(1))
                .map(history -> IntradayCurve.learn(history, curveSettings))
                .cache());
    }

    private Mono<Row> row(PacingRepository.Budget b, Instant now, Map<String, Mono<IntradayCurve>> curves) {
        ZoneId zone = zone(b.timeZone());
        if (zone == null) {
            return Mono.just(Row.of(b, null, null, null, null, 0, null, Pace.Status.NO_TIME_ZONE));
        }
        Pace.Period period = Pace.Period.of(b.mode(), zone, now, b.scheduleStart(), b.scheduleEnd());
        Mono<PacingRepository.Spend> spend = period.fromDate() == null
                ? Mono.just(new PacingRepository.Spend(0, null, null, false))
                : repository.spend(b, period.fromDate(), period.toDate());
        Mono<IntradayCurve> curve = Pace.DAILY.equals(b.mode()) ? curve(b.advertiserId(), period.fromDate(), curves)
                : Mono.just(IntradayCurve.linear());
        return Mono.zip(spend, curve).map(facts -> {
            PacingRepository.Spend s = facts.getT1();
            boolean comparable = s.amount() != null && !s.mixed() && b.currency().equals(s.currency());
            Pace.Result result = Pace.of(b.mode(), period, now, b.amount(), comparable ? s.amount() : null,
                    tolerance, facts.getT2());
            return Row.of(b, period, now.atZone(zone), result, comparable ? s.amount() : null, s.days(),
                    comparable || s.amount() == null ? null : s.currency(), result.status());
        });
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null) {
            return null;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException unknown) {
            return null;
        }
    }

    /**
     * One paced budget. Amounts are in {@code currency} (the budget's); {@code spendCurrency} is set only when the
     * spend rows are in another currency, in which case the spend is not compared (status {@code NO_DATA}).
     * {@code periodStart}, {@code periodEnd} and {@code now} are in {@code timeZone} with their offset.
     * {@code expectedBasis} says what {@code expectedByNow} follows: {@code intraday-curve} (the account's usual
     * intraday curve, learned from {@code curveDays} days) or {@code linear}; null when nothing is expected.
     */
    record Row(String advertiserId, String advertiserName, String timeZone, String level, String entityId,
            String campaignId, String entityName, String entityStatus, String budgetMode, String budget,
            String currency, String periodStart, String periodEnd, String now, String elapsed, String spentSoFar,
            long spendDays, String spendCurrency, String expectedByNow, String projectedSpend, String status,
            String expectedBasis, Integer curveDays) {

        static Row of(PacingRepository.Budget b, Pace.Period period, ZonedDateTime now, Pace.Result result,
                BigDecimal spent, long days, String spendCurrency, Pace.Status status) {
            String c = b.currency();
            boolean campaign = "CAMPAIGN".equals(b.level());
            return new Row(b.advertiserId(), b.advertiserName(), b.timeZone(), b.level().toLowerCase(Locale.ROOT),
                    b.entityId(), campaign ? b.entityId() : b.parentId(), b.name(), b.status(),
                    Pace.DAILY.equals(b.mode()) ? "daily" : "lifetime", Figures.amount(b.amount(), c), c,
                    period == null || period.start() == null ? null : period.start().toOffsetDateTime().toString(),
                    period == null || period.end() == null ? null : period.end().toOffsetDateTime().toString(),
                    now == null ? null : now.toOffsetDateTime().toString(),
                    result == null || result.elapsedShown() == null ? null : result.elapsedShown().toPlainString(),
                    Figures.amount(spent, c), days, spendCurrency,
                    result == null ? null : Figures.amount(result.expected(), c),
                    result == null ? null : Figures.amount(result.projected(), c), status.name(),
                    result == null || result.expected() == null ? null
                            : result.curveDays() > 0 ? "intraday-curve" : "linear",
                    result == null || result.curveDays() == 0 ? null : result.curveDays());
        }
    }
}
