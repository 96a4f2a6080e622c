package io.adpulse.ingest.sync;

import io.adpulse.events.Granularity;
import io.adpulse.ingest.config.IngestSettings;
import io.adpulse.ingest.ledger.FactLedger;
import io.adpulse.ingest.ledger.ObservationPublisher;
import io.adpulse.ingest.token.AccessToken;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the report streams and publishes the rows whose values changed.
 *
 * <ul>
 *   <li>Daily streams (advertiser, campaign, ad group, ad) read {@link DateWindow#toRead the dates due}: the
 *       backfill on the first sync, then the attribution lookback, in windows of at most 30 days.</li>
 *   <li>The hourly campaign stream reads the last {@code hourly-days} days, one day per request (TikTok's
 *       limit with {@code stat_time_hour}).</li>
 *   <li>A stream whose level has no entity in this sync's {@link EntityCensus} is not requested: it has no rows.</li>
 * </ul>
 *
 * All windows are planned first, so the run shows its progress (windows read of windows planned,
 * checkpointed after each window). After each window the stream's covered date moves forward to the
 * window's end, so a backfill interrupted by a failure or a crash resumes after the last finished window
 * instead of starting over; the stream's last success is set once all its windows were read. Rows of one
 * window are published several at a time: each is a distinct fact, sends are issued in row order, and the
 * producer keeps that order per partition.
 */
@Component
class ReportSync {

    /** The metrics every daily report asks for: spend and delivery, conversions and their value (for ROAS), video plays. */
    static final List<String> METRICS = List.of("spend", "impressions", "clicks", "reach", "conversion",
            "total_purchase_value", "video_play_actions",
            // payments (shop and web purchases) and engagement on the ads
            "complete_payment", "likes", "comments", "shares");
    /** Hourly reports ask for the same metrics but reach, which TikTok does not break down by hour. */
    static final List<String> HOURLY_METRICS = METRICS.stream().filter(metric -> !metric.equals("reach")).toList();

    /** Rows of one window being published at once. */
    private static final int PUBLISH_CONCURRENCY = 16;

    private static final Logger log = LoggerFactory.getLogger(ReportSync.class);

    private final TikTokApi api;
    private final FactLedger ledger;
    private final ObservationPublisher publisher;
    private final WatermarkRepository watermarks;
    private final SyncRunRepository runs;
    private final IngestSettings settings;

    ReportSync(TikTokApi api, FactLedger ledger, ObservationPublisher publisher, WatermarkRepository watermarks,
            SyncRunRepository runs, IngestSettings settings) {
        this.api = api;
        this.ledger = ledger;
        this.publisher = publisher;
        this.watermarks = watermarks;
        this.runs = runs;
        this.settings = settings;
    }

    Mono<Void> sync(SyncScope scope, AccessToken token, EntityCensus census) {
        SyncTally tally = scope.origin().tally();
        return Flux.fromArray(ReportStream.values())
                .filter(stream -> stream.granularity() == Granularity.DAY || settings.hourlyDays() > 0)
                .concatMap(stream -> plan(stream, scope, census))
                .collectList()
                .flatMap(plans -> {
                    tally.windowsPlanned(plans.stream().mapToInt(plan -> plan.windows().size()).sum());
                    return checkpoint(scope)
                            .thenMany(Flux.fromIterable(plans))
                            .concatMap(plan -> syncStream(plan, scope, token))
                            .then();
                });
    }

    private Mono<Plan> plan(ReportStream stream, SyncScope scope, EntityCensus census) {
        if (!census.has(stream.level())) {
            return Mono.just(new Plan(stream, List.of()));
        }
        if (stream.granularity() == Granularity.HOUR) {
            DateWindow lastDays = new DateWindow(scope.today().minusDays(settings.hourlyDays() - 1L), scope.today());
            return Mono.just(new Plan(stream, lastDays.slice(stream.maxDaysPerRequest())));
        }
        return watermarks.lastDateCovered(scope.connectionId(), stream.stream())
                .map(last -> {
                    DateWindow range = DateWindow.toRead(last, scope.today(), settings.backfillDays(),
                            settings.attributionLookbackDays());
                    if (range.from().isBefore(scope.today().minusDays(settings.attributionLookbackDays()))) {
                        scope.origin().tally().backfilling();
                    }
                    return new Plan(stream, range.slice(stream.maxDaysPerRequest()));
                });
    }

    private Mono<Void> syncStream(Plan plan, SyncScope scope, AccessToken token) {
        SyncTally tally = scope.origin().tally();
        return Flux.fromIterable(plan.windows())
                .concatMap(window -> syncWindow(plan.stream(), window, scope, token)
                        .then(watermarks.cover(scope.connectionId(), plan.stream().stream(), window.to()))
                        .then(Mono.defer(() -> {
                            tally.windowDone();
                            return checkpoint(scope);
                        })))
                .then(watermarks.advance(scope.connectionId(), plan.stream().stream(), scope.observedAt(), scope.today()));
    }

    private Mono<Void> checkpoint(SyncScope scope) {
        return runs.checkpoint(scope.runId(), scope.origin().tally());
    }

    private Mono<Void> syncWindow(ReportStream stream, DateWindow window, SyncScope scope, AccessToken token) {
        SyncTally tally = scope.origin().tally();
        List<String> metrics = stream.granularity() == Granularity.HOUR ? HOURLY_METRICS : METRICS;
        return ledger.metrics(scope.advertiserId(), window.from(), window.to())
                .flatMapMany(known -> api.report(scope.origin(), token, stream, window, metrics)
                        .filter(row -> inWindow(row, window, scope))
                        .doOnNext(row -> tally.rowRead())
                        .flatMap(row -> publisher.publishIfChanged(Observations.metric(stream, row, scope), known),
                                PUBLISH_CONCURRENCY))
                .doOnNext(published -> {
                    if (published) {
                        tally.eventPublished();
                    }
                })
                .then();
    }

    private static boolean inWindow(ReportRow row, DateWindow window, SyncScope scope) {
        if (window.contains(row.statDate())) {
            return true;
        }
        log.warn("TikTok returned a row of advertiser {} dated {} outside the requested window {}..{}; ignored",
                scope.advertiserId(), row.statDate(), window.from(), window.to());
        return false;
    }

    /** The windows one report stream reads in this sync, oldest first; none when its level has no entity. */
    private record Plan(ReportStream stream, List<DateWindow> windows) {
    }
}
