package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Granularity;
import io.adpulse.events.MetricObserved;
import io.adpulse.events.Money;
import io.adpulse.ingest.connection.ConnectionStatus;
import io.adpulse.ingest.sync.ConnectionOverview;
import io.adpulse.ingest.sync.SyncReason;
import io.adpulse.ingest.sync.SyncResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A granted connection is backfilled, then polled; only new or changed facts are published. */
class BackfillAndPollingTest extends IngestServiceTestBase {

    private static final LocalDate TODAY = KIRITIMATI_TODAY;
    private static final LocalDate HORIZON = TODAY.minusDays(30);

    @Test
    void grantedConnectionIsBackfilledWithEntitiesIncludingDeletedCampaigns() {
        FakeTikTok.Advertiser advertiser = kiritimatiAdvertiser(uniqueToken())
                .campaign("1801", "Winter Boots", "150.50", "BUDGET_MODE_DAY", "ENABLE", "CAMPAIGN_STATUS_ENABLE")
                .campaign("1802", "Summer Sale", "80.00", "BUDGET_MODE_TOTAL", "DISABLE", "CAMPAIGN_STATUS_DELETE")
                .campaign("1803", "Always On", "0.00", "BUDGET_MODE_INFINITE", "ENABLE", "CAMPAIGN_STATUS_ENABLE");

        String connectionId = grant(advertiser);

        eventually().untilAsserted(() -> assertThat(entities(advertiser.id)).hasSize(4));
        Map<String, EntityObserved> byId = entities(advertiser.id).stream().map(EventEnvelope::data)
                .collect(Collectors.toMap(EntityObserved::entityId, e -> e));
        EntityObserved account = byId.get(advertiser.id);
        assertThat(account.level()).isEqualTo(EntityLevel.ADVERTISER);
        assertThat(account.connectionId()).isEqualTo(connectionId);
        assertThat(account.name()).isEqualTo("Northwind Pacific");
        assertThat(account.timeZone()).isEqualTo("Pacific/Kiritimati");
        assertThat(account.currency()).isEqualTo("EUR");
        assertThat(account.attributes()).containsEntry("country", "US").containsEntry("company", "Northwind");
        EntityObserved winter = byId.get("1801");
        assertThat(winter.level()).isEqualTo(EntityLevel.CAMPAIGN);
        assertThat(winter.parentId()).isEqualTo(advertiser.id);
        assertThat(winter.status()).isEqualTo("ENABLE");
        assertThat(winter.deleted()).isFalse();
        assertThat(winter.budget()).isEqualTo(new Money(new BigDecimal("150.50"), "EUR"));
        assertThat(winter.budgetMode()).isEqualTo("BUDGET_MODE_DAY");
        assertThat(winter.attributes()).containsEntry("objective_type", "TRAFFIC");
        assertThat(byId.get("1802").deleted()).isTrue();
        assertThat(byId.get("1802").name()).isEqualTo("Summer Sale");
        assertThat(byId.get("1803").budget()).as("no limit, no budget").isNull();
        assertThat(entities(advertiser.id)).as("each entity under its own compaction key").allSatisfy(e ->
                assertThat(e.subject()).isEqualTo(e.data().stateKey()).startsWith(advertiser.id + "|"));
    }

    @Test
    void backfillPublishesDailyMetricsOnTheAdvertisersLocalDatesInItsCurrency() {
        FakeTikTok.Advertiser advertiser = kiritimatiAdvertiser(uniqueToken());
        advertiser.campaign("1801", "Winter Boots", "150.50", "BUDGET_MODE_DAY", "ENABLE", "CAMPAIGN_STATUS_ENABLE")
                .campaign("1802", "Summer Sale", "80.00", "BUDGET_MODE_TOTAL", "DISABLE", "CAMPAIGN_STATUS_DELETE")
                .row(CAMPAIGN_LEVEL, "1801", TODAY, values("20.000", "3765", "53"))
                .row(CAMPAIGN_LEVEL, "1801", HORIZON, values("7.500", "1200", "9"))
                .row(CAMPAIGN_LEVEL, "1801", HORIZON.minusDays(1), values("99.000", "1", "1"))
                .row(CAMPAIGN_LEVEL, "1802", TODAY.minusDays(12), values("4.250", "310", "2"))
                .row(ADVERTISER_LEVEL, advertiser.id, TODAY, values("24.250", "4075", "55"));

        String connectionId = grantAndAwaitBackfill(advertiser);

        List<MetricObserved> metrics = metrics(advertiser.id).stream().map(EventEnvelope::data).toList();
        assertThat(metrics).extracting(m -> m.level() + " " + m.entityId() + " " + m.statDate())
                .containsExactlyInAnyOrder("CAMPAIGN 1801 " + TODAY, "CAMPAIGN 1801 " + HORIZON,
                        "CAMPAIGN 1802 " + TODAY.minusDays(12), "ADVERTISER " + advertiser.id + " " + TODAY);
        MetricObserved today = metrics.stream()
                .filter(m -> m.entityId().equals("1801") && m.statDate().equals(TODAY)).findFirst().orElseThrow();
        assertThat(today.connectionId()).isEqualTo(connectionId);
        assertThat(today.granularity()).isEqualTo(Granularity.DAY);
        assertThat(today.statHour()).isNull();
        assertThat(today.timeZone()).isEqualTo("Pacific/Kiritimati");
        assertThat(today.currency()).isEqualTo("EUR");
        assertThat(today.metrics()).containsOnly(
                Map.entry("spend", new BigDecimal("20.000")), Map.entry("impressions", new BigDecimal("3765")),
                Map.entry("clicks", new BigDecimal("53")), Map.entry("reach", new BigDecimal("2900")),
                Map.entry("conversion", new BigDecimal("4")), Map.entry("total_purchase_value", new BigDecimal("96.40")),
                Map.entry("video_play_actions", new BigDecimal("1500")), Map.entry("complete_payment", new BigDecimal("3")),
                Map.entry("likes", new BigDecimal("41")), Map.entry("comments", new BigDecimal("6")),
                Map.entry("shares", new BigDecimal("2")));
        assertThat(today.missing()).isEmpty();
        assertThat(metrics(advertiser.id)).allSatisfy(e -> assertThat(e.subject()).isEqualTo(advertiser.id));

        List<FakeTikTok.ReportRequest> requests = TIKTOK.reportRequests(advertiser.id, CAMPAIGN_LEVEL);
        assertThat(requests).as("31 local days up to today in Kiritimati, in windows of at most 30 days")
                .extracting(r -> r.start() + ".." + r.end())
                .contains(HORIZON + ".." + TODAY.minusDays(1), TODAY + ".." + TODAY);
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.start()).isAfterOrEqualTo(HORIZON);
            assertThat(r.end()).isBeforeOrEqualTo(TODAY);
        });
        ConnectionOverview overview = overview(connectionId);
        assertThat(overview.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(overview.lastSync().windowsTotal()).isEqualTo(overview.lastSync().windowsDone());
        assertThat(overview.streams()).extracting(ConnectionOverview.Stream::stream, ConnectionOverview.Stream::lastDateCovered)
                .contains(tuple("campaign-daily", TODAY), tuple("advertiser-daily", TODAY));
    }

    @Test
    void theGrantSyncRecordsItsProgressAndCounts() {
        FakeTikTok.Advertiser advertiser = kiritimatiAdvertiser(uniqueToken())
                .campaign("1801", "Winter Boots", "150.50", "BUDGET_MODE_DAY", "ENABLE", "CAMPAIGN_STATUS_ENABLE")
                .row(CAMPAIGN_LEVEL, "1801", TODAY.minusDays(3), values("20.000", "3765", "53"));

        String connectionId = grantAndAwaitBackfill(advertiser);

        Map<String, Object> first = db.sql("""
                select reason, requested_by, result, rows_read, api_calls, events_published, windows_done,
                       windows_total, error
                from sync_run where connection_id = :id order by id limit 1
                """).bind("id", connectionId).fetch().one().block(Duration.ofSeconds(10));
        assertThat(first.get("reason")).as("the grant's sync, unless a poll claimed the new connection first")
                .isIn("GRANT", "SCHEDULE");
        assertThat(first).containsEntry("requested_by", "system")
                .containsEntry("result", "SUCCEEDED")
                .containsEntry("windows_total", 6).containsEntry("windows_done", 6)
                .containsEntry("events_published", 3L).containsEntry("rows_read", 3L)
                .containsEntry("error", null);
        assertThat((Long) first.get("api_calls"))
                .as("advertiser info; campaigns, ad groups, ads; 2 campaign and 2 advertiser daily windows, 2 hourly "
                        + "days; no ad group or ad report, as there are none")
                .isEqualTo(10L);
        ConnectionOverview overview = overview(connectionId);
        assertThat(overview.displayName()).isEqualTo("Northwind " + advertiser.id);
        assertThat(overview.statusReason()).isNull();
        assertThat(overview.streams()).extracting(ConnectionOverview.Stream::stream)
                .containsExactlyInAnyOrder("entities", "campaign-daily", "advertiser-daily", "adgroup-daily", "ad-daily",
                        "campaign-hourly");
    }

    @Test
    void aLaterPollOfUnchangedDataPublishesNothingAndRereadsOnlyTheLookback() {
        FakeTikTok.Advertiser advertiser = kiritimatiAdvertiser(uniqueToken())
                .campaign("1801", "Winter Boots", "150.50", "BUDGET_MODE_DAY", "ENABLE", "CAMPAIGN_STATUS_ENABLE")
                .row(CAMPAIGN_LEVEL, "1801", TODAY.minusDays(2), values("20.000", "3765", "53"));
        String connectionId = grantAndAwaitBackfill(advertiser);
        long firstRun = overview(connectionId).lastSync().runId();
        int entities = entities(advertiser.id).size();
        int metrics = metrics(advertiser.id).size();

        ConnectionOverview.LastSync later = awaitRunAfter(connectionId, firstRun);

        assertThat(later.result()).isEqualTo(SyncResult.SUCCEEDED);
        assertThat(later.reason()).isEqualTo(SyncReason.SCHEDULE);
        assertThat(later.eventsPublished()).isZero();
        assertThat(later.rowsRead()).as("the advertiser, its campaign and the metric row were read again").isEqualTo(3);
        assertThat(entities(advertiser.id)).hasSize(entities);
        assertThat(metrics(advertiser.id)).hasSize(metrics);
        List<FakeTikTok.ReportRequest> requests = TIKTOK.reportRequests(advertiser.id, CAMPAIGN_LEVEL);
        assertThat(requests).extracting(r -> r.start() + ".." + r.end())
                .as("the backfill, then the 7-day attribution look-back")
                .contains(TODAY.minusDays(7) + ".." + TODAY);
    }

    @Test
    void aRestatedValueIsPublishedExactlyOnceAsANewObservation() {
        LocalDate day = TODAY.minusDays(2);
        FakeTikTok.Advertiser advertiser = kiritimatiAdvertiser(uniqueToken())
                .campaign("1801", "Winter Boots", "150.50", "BUDGET_MODE_DAY", "ENABLE", "CAMPAIGN_STATUS_ENABLE")
                .row(CAMPAIGN_LEVEL, "1801", day, values("20.000", "3765", "53"))
                .row(CAMPAIGN_LEVEL, "1801", day.minusDays(1), values("18.000", "3000", "40"));
        String connectionId = grantAndAwaitBackfill(advertiser);
        assertThat(ofDay(advertiser.id, "1801", day)).hasSize(1);

        Map<String, Object> restated = values("20.000", "3765", "53");
        restated.put("conversion", "6");
        advertiser.row(CAMPAIGN_LEVEL, "1801", day, restated);
        eventually().untilAsserted(() -> assertThat(ofDay(advertiser.id, "1801", day)).hasSize(2));
        long restatingRun = overview(connectionId).lastSync().runId();
        awaitRunAfter(connectionId, restatingRun);

        List<EventEnvelope<MetricObserved>> observations = ofDay(advertiser.id, "1801", day);
        assertThat(observations).hasSize(2);
        assertThat(observations.get(1).data().metrics()).containsEntry("conversion", new BigDecimal("6"))
                .containsEntry("spend", new BigDecimal("20.000"));
        assertThat(observations.get(0).data().metrics()).containsEntry("conversion", new BigDecimal("4"));
        assertThat(observations.get(1).id()).isNotEqualTo(observations.get(0).id());
        assertThat(observations.get(1).data().naturalKey()).isEqualTo(observations.get(0).data().naturalKey());
        assertThat(ofDay(advertiser.id, "1801", day.minusDays(1))).as("the unchanged day").hasSize(1);
    }

    @Test
    void aMetricTikTokReportsAsDashOrLeavesOutIsPublishedAsMissingNotZero() {
        Map<String, Object> partial = values("0.000", "0", "0");
        partial.put("reach", "-");
        partial.remove("video_play_actions");
        FakeTikTok.Advertiser advertiser = kiritimatiAdvertiser(uniqueToken())
                .campaign("1801", "Winter Boots", "150.50", "BUDGET_MODE_DAY", "ENABLE", "CAMPAIGN_STATUS_ENABLE")
                .row(CAMPAIGN_LEVEL, "1801", TODAY.minusDays(1), partial);

        grantAndAwaitBackfill(advertiser);

        MetricObserved observed = ofDay(advertiser.id, "1801", TODAY.minusDays(1)).get(0).data();
        assertThat(observed.missing()).containsExactlyInAnyOrder("reach", "video_play_actions");
        assertThat(observed.metrics()).doesNotContainKeys("reach", "video_play_actions")
                .containsEntry("spend", new BigDecimal("0.000"))
                .containsEntry("impressions", new BigDecimal("0"));
    }

    private static List<EventEnvelope<MetricObserved>> ofDay(String advertiserId, String entityId, LocalDate day) {
        return metrics(advertiserId).stream()
                .filter(e -> e.data().entityId().equals(entityId) && e.data().statDate().equals(day))
                .toList();
    }

    /** A full row of the requested metrics as TikTok's strings; the other metrics are fixed. */
    static Map<String, Object> values(String spend, String impressions, String clicks) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("spend", spend);
        values.put("impressions", impressions);
        values.put("clicks", clicks);
        values.put("reach", "2900");
        values.put("conversion", "4");
        values.put("total_purchase_value", "96.40");
        values.put("video_play_actions", "1500");
        values.put("complete_payment", "3");
        values.put("likes", "41");
        values.put("comments", "6");
        values.put("shares", "2");
        values.put("cpc", "0.380");
        return values;
    }
}
