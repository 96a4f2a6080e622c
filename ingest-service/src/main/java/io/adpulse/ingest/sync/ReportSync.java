package io.adpulse.ingest.sync;

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
 * Reads the daily campaign and advertiser reports over {@link DateWindow#toRead the dates due}, in
 * windows TikTok accepts, and publishes the rows whose values changed. All windows are planned first, so
 * the run shows its progress (windows read of windows planned, checkpointed after each window). A level's
 * watermark advances to today only after all its windows were read. Rows of one window are published
 * several at a time: each is a distinct fact, sends are issued in row order, and the producer keeps that
 * order per partition.
 */
@Component
class ReportSync {

    /** The metrics every daily report asks for: spend and delivery, conversions and their value (for ROAS), video plays. */
    static final List<String> METRICS = List.of("spend", "impressions", "clicks", "reach", "conversion",
            "total_purchase_value", "video_play_actions");

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

    Mono<Void> sync(SyncScope scope, AccessToken token) {
        SyncTally tally = scope.origin().tally();
        return Flux.fromArray(ReportLevel.values())
                .concatMap(level -> plan(level, scope))
                .collectList()
                .flatMap(plans -> {
                    tally.windowsPlanned(plans.stream().mapToInt(plan -> plan.windows().size()).sum());
                    return runs.checkpoint(scope.runId(), tally)
                            .thenMany(Flux.fromIterable(plans))
                            .concatMap(plan -> syncLevel(plan, scope, token))
                            .then();
                });
    }

    private Mono<Plan> plan(ReportLevel level, SyncScope scope) {
        return watermarks.lastDateCovered(scope.connectionId(), level.stream())
                .map(last -> DateWindow.toRead(last, scope.today(), settings.backfillDays(),
                        settings.attributionLookbackDays()))
                .map(range -> new Plan(level, range.slice(DateWindow.MAX_REPORT_DAYS)));
    }

    private Mono<Void> syncLevel(Plan plan, SyncScope scope, AccessToken token) {
        SyncTally tally = scope.origin().tally();
        return Flux.fromIterable(plan.windows())
                .concatMap(window -> syncWindow(plan.level(), window, scope, token)
                        .then(Mono.defer(() -> {
                            tally.windowDone();
                            return runs.checkpoint(scope.runId(), tally);
                        })))
                .then(watermarks.advance(scope.connectionId(), plan.level().stream(), scope.observedAt(), scope.today()));
    }

    private Mono<Void> syncWindow(ReportLevel level, DateWindow window, SyncScope scope, AccessToken token) {
        SyncTally tally = scope.origin().tally();
        return ledger.metrics(scope.advertiserId(), window.from(), window.to())
                .flatMapMany(known -> api.dailyReport(scope.origin(), token, level, window, METRICS)
                        .filter(row -> inWindow(row, window, scope))
                        .doOnNext(row -> tally.rowRead())
                        .flatMap(row -> publisher.publishIfChanged(Observations.metric(level, row, scope), known),
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

    /** The windows one report level reads in this sync, oldest first. */
    private record Plan(ReportLevel level, List<DateWindow> windows) {
    }
}
