package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.EventEnvelope;
import io.adpulse.events.MetricObserved;
import io.adpulse.ingest.sync.ConnectionOverview;
import io.adpulse.ingest.sync.SyncResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * A backfill resumes after an interruption without re-reading finished windows, shows its progress, and
 * later polls re-read only the attribution lookback.
 */
class BackfillResumeAndProgressTest extends IngestServiceTestBase {

    private static final LocalDate TODAY = KIRITIMATI_TODAY;
    private static final LocalDate HORIZON = TODAY.minusDays(30);

    @Autowired
    MeterRegistry meters;
    @Autowired
    ApplicationContext context;

    @Test
    void aBackfillInterruptedMidWayResumesWithoutRereadingFinishedWindows() {
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()))
                .row(CAMPAIGN_LEVEL, "1801", HORIZON, BackfillAndPollingTest.values("7.500", "1200", "9"))
                .row(CAMPAIGN_LEVEL, "1801", TODAY, BackfillAndPollingTest.values("20.000", "3765", "53"));
        // The campaign backfill reads HORIZON..TODAY-1, then TODAY; the second window fails once.
        TIKTOK.failReportWindow(advertiser.id, CAMPAIGN_LEVEL, TODAY, 40002, 1);

        String connectionId = grant(advertiser);

        eventually().untilAsserted(() -> assertThat(firstRun(connectionId)).containsEntry("result", "FAILED"));
        Map<String, Object> interrupted = firstRun(connectionId);
        assertThat(interrupted).containsEntry("backfill", true).containsEntry("windows_done", 1);
        eventually().untilAsserted(() -> assertThat(overview(connectionId).lastSync().result())
                .isEqualTo(SyncResult.SUCCEEDED));

        List<FakeTikTok.ReportRequest> daily = TIKTOK.reportRequests(advertiser.id, CAMPAIGN_LEVEL).stream()
                .filter(r -> !r.hourly()).toList();
        assertThat(daily).filteredOn(r -> r.start().equals(HORIZON)).as("the finished window is not read again")
                .hasSize(1);
        assertThat(daily).extracting(r -> r.start() + ".." + r.end())
                .as("the resumed sync reads only the attribution lookback up to today")
                .contains(TODAY.minusDays(7) + ".." + TODAY);
        assertThat(metrics(advertiser.id)).extracting(e -> e.data().entityId() + " " + e.data().statDate())
                .as("every fact published once").containsExactlyInAnyOrder("1801 " + HORIZON, "1801 " + TODAY);
    }

    @Test
    void aBackfillCutOffByAStopResumesAfterTheRestartWithoutRereadingFinishedWindows() {
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()))
                .row(CAMPAIGN_LEVEL, "1801", HORIZON, BackfillAndPollingTest.values("7.500", "1200", "9"))
                .row(CAMPAIGN_LEVEL, "1801", TODAY, BackfillAndPollingTest.values("20.000", "3765", "53"));
        // The second window of the campaign backfill hangs, so the sync is caught half-way.
        TIKTOK.delayReportWindow(advertiser.id, CAMPAIGN_LEVEL, TODAY, Duration.ofSeconds(20));
        SmartLifecycle scheduler = context.getBean("syncScheduler", SmartLifecycle.class);

        String connectionId = grant(advertiser);
        eventually().untilAsserted(() -> assertThat(firstRun(connectionId)).containsEntry("result", "RUNNING")
                .containsEntry("windows_done", 1));
        ConnectionOverview.LastSync halfWay = overview(connectionId).lastSync();
        assertThat(halfWay.percent()).isBetween(1, 99);
        assertThat(halfWay.estimatedFinishAt()).as("an estimate from the first window's pace").isNotNull();
        scheduler.stop();
        try {
            assertThat(firstRun(connectionId)).as("cut off like a crash").containsEntry("result", "RUNNING");
        } finally {
            scheduler.start();
        }

        eventually().untilAsserted(() -> assertThat(overview(connectionId).lastSync().result())
                .isEqualTo(SyncResult.SUCCEEDED));
        assertThat(firstRun(connectionId)).containsEntry("result", "FAILED");
        assertThat((String) firstRun(connectionId).get("error")).startsWith("Interrupted");
        assertThat(TIKTOK.reportRequests(advertiser.id, CAMPAIGN_LEVEL)).filteredOn(r -> !r.hourly())
                .filteredOn(r -> r.start().equals(HORIZON)).as("the finished window is not read again").hasSize(1);
        assertThat(metrics(advertiser.id)).extracting(e -> e.data().entityId() + " " + e.data().statDate())
                .as("every fact published once").containsExactlyInAnyOrder("1801 " + HORIZON, "1801 " + TODAY);
    }

    @Test
    void backfillProgressIsReadableThroughTheApiAndAsGauges() {
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()))
                .row(CAMPAIGN_LEVEL, "1801", TODAY.minusDays(4), BackfillAndPollingTest.values("3.000", "300", "3"));

        String connectionId = grantAndAwaitBackfill(advertiser);

        assertThat(firstRun(connectionId)).containsEntry("backfill", true);
        // The service polls every second here, so the latest run may be a poll just started; wait for a finished one.
        AtomicReference<ConnectionOverview.LastSync> finished = new AtomicReference<>();
        eventually().untilAsserted(() -> {
            ConnectionOverview.LastSync done = overview(connectionId).lastSync();
            finished.set(done);
            assertThat(done.result()).isEqualTo(SyncResult.SUCCEEDED);
            assertThat(done.percent()).isEqualTo(100);
            assertThat(done.estimatedFinishAt()).as("no estimate once finished").isNull();
            assertThat(done.rowsRead()).isPositive();
            assertThat(done.apiCalls()).isPositive();
        });
        eventually().untilAsserted(() -> {
            assertThat(gauge("adpulse.ingest.sync.progress", connectionId)).isEqualTo(100.0);
            assertThat(gauge("adpulse.ingest.sync.calls", connectionId)).isPositive();
            assertThat(gauge("adpulse.ingest.sync.rows", connectionId)).isPositive();
            assertThat(gauge("adpulse.ingest.sync.eta", connectionId)).isZero();
        });
        ConnectionOverview.LastSync later = awaitRunAfter(connectionId, finished.get().runId());
        assertThat(later.backfill()).as("a poll of the lookback is no backfill").isFalse();
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(scrape -> assertThat(scrape)
                        .containsPattern("adpulse_ingest_sync_progress\\{connection=\"" + connectionId + "\"[^}]*} "));
    }

    @Test
    void aChangeOlderThanTheAttributionLookbackIsNotReread() {
        LocalDate old = TODAY.minusDays(10);
        LocalDate recent = TODAY.minusDays(6);
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()))
                .row(CAMPAIGN_LEVEL, "1801", old, BackfillAndPollingTest.values("5.000", "500", "5"))
                .row(CAMPAIGN_LEVEL, "1801", recent, BackfillAndPollingTest.values("6.000", "600", "6"));
        String connectionId = grantAndAwaitBackfill(advertiser);

        advertiser.row(CAMPAIGN_LEVEL, "1801", old, BackfillAndPollingTest.values("5.500", "500", "5"));
        advertiser.row(CAMPAIGN_LEVEL, "1801", recent, BackfillAndPollingTest.values("6.500", "600", "6"));
        eventually().untilAsserted(() -> assertThat(ofDay(advertiser.id, recent)).hasSize(2));
        awaitRunAfter(connectionId, overview(connectionId).lastSync().runId());

        assertThat(ofDay(advertiser.id, recent).get(1).data().metrics().get("spend")).isEqualByComparingTo("6.5");
        assertThat(ofDay(advertiser.id, old)).as("outside the 7-day lookback: not read again").hasSize(1);
        assertThat(TIKTOK.reportRequests(advertiser.id, CAMPAIGN_LEVEL))
                .filteredOn(r -> !r.hourly() && !r.start().isAfter(old) && !r.end().isBefore(old))
                .as("only the backfill covered the old day").hasSize(1);
    }

    private double gauge(String name, String connectionId) {
        Gauge gauge = meters.find(name).tag("connection", connectionId).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private static List<EventEnvelope<MetricObserved>> ofDay(String advertiserId, LocalDate day) {
        return metrics(advertiserId).stream().filter(e -> e.data().statDate().equals(day)).toList();
    }

    private Map<String, Object> firstRun(String connectionId) {
        return db.sql("""
                select result, backfill, windows_done, windows_total, error from sync_run
                where connection_id = :id order by id limit 1
                """).bind("id", connectionId).fetch().one().block(Duration.ofSeconds(10));
    }
}
