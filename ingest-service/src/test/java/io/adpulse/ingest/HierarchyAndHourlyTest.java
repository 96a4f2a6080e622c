package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Granularity;
import io.adpulse.events.MetricObserved;
import io.adpulse.ingest.sync.ConnectionOverview;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Ad groups and ads as entities, ad group and ad daily reports, and hourly campaign reports. */
class HierarchyAndHourlyTest extends IngestServiceTestBase {

    private static final LocalDate TODAY = KIRITIMATI_TODAY;
    private static final String ADGROUP_LEVEL = "AUCTION_ADGROUP";
    private static final String AD_LEVEL = "AUCTION_AD";
    /** Ids above 2^53, sent by the fake as JSON numbers. */
    private static final String ADGROUP = "1790000000000000001";
    private static final String DELETED_ADGROUP = "1790000000000000002";
    private static final String AD = "1780000000000000001";
    private static final String DELETED_AD = "1780000000000000002";

    @Test
    void adGroupsAndAdsArePublishedWithTheirParentBudgetScheduleAndStatusIncludingDeletedOnes() {
        FakeTikTok.Advertiser advertiser = withHierarchy(kiritimatiAdvertiser(uniqueToken()));

        grantAndAwaitBackfill(advertiser);

        Map<String, EntityObserved> byId = latestEntities(advertiser.id);
        assertThat(byId).containsKeys(advertiser.id, "1801", ADGROUP, DELETED_ADGROUP, AD, DELETED_AD);
        EntityObserved adGroup = byId.get(ADGROUP);
        assertThat(adGroup.level()).isEqualTo(EntityLevel.ADGROUP);
        assertThat(adGroup.parentId()).isEqualTo("1801");
        assertThat(adGroup.name()).isEqualTo("Boots 25-34");
        assertThat(adGroup.status()).isEqualTo("ENABLE");
        assertThat(adGroup.deleted()).isFalse();
        assertThat(adGroup.budget().currency()).isEqualTo("EUR");
        assertThat(adGroup.budget().amount()).isEqualByComparingTo("20");
        assertThat(adGroup.budgetMode()).isEqualTo("BUDGET_MODE_DAY");
        assertThat(adGroup.attributes()).containsEntry("schedule_type", "SCHEDULE_START_END")
                .containsEntry("schedule_start_time", "2026-11-01 00:00:00")
                .containsEntry("schedule_end_time", "2026-12-31 23:59:59")
                .containsEntry("optimization_goal", "CLICK")
                .containsEntry("secondary_status", "ADGROUP_STATUS_DELIVERY_OK");
        assertThat(byId.get(DELETED_ADGROUP).deleted()).isTrue();
        EntityObserved ad = byId.get(AD);
        assertThat(ad.level()).isEqualTo(EntityLevel.AD);
        assertThat(ad.parentId()).isEqualTo(ADGROUP);
        assertThat(ad.budget()).isNull();
        assertThat(ad.attributes()).containsEntry("campaign_id", "1801").containsEntry("ad_format", "SINGLE_VIDEO");
        assertThat(byId.get(DELETED_AD).deleted()).isTrue();
        assertThat(entities(advertiser.id)).allSatisfy(e -> assertThat(e.subject()).isEqualTo(e.data().stateKey()));
        for (String endpoint : List.of(FakeTikTok.CAMPAIGN_GET, FakeTikTok.ADGROUP_GET, FakeTikTok.AD_GET)) {
            assertThat(TIKTOK.listRequests(endpoint, advertiser.id)).as(endpoint + " asks for the largest page")
                    .isNotEmpty().allSatisfy(r -> assertThat(r.pageSize()).isEqualTo(1000));
        }
    }

    @Test
    void everyPageOfAdsIsRead() {
        FakeTikTok.Advertiser advertiser = withHierarchy(kiritimatiAdvertiser(uniqueToken()));
        IntStream.range(0, 1001).forEach(i -> advertiser.ad(Long.toString(1_770_000_000_000_000_000L + i), ADGROUP,
                "1801", "Ad " + i, "ENABLE", "AD_STATUS_DELIVERY_OK"));

        String connectionId = grantAndAwaitBackfill(advertiser);

        assertThat(latestEntities(advertiser.id).values()).filteredOn(e -> e.level() == EntityLevel.AD).hasSize(1003);
        assertThat(TIKTOK.listRequests(FakeTikTok.AD_GET, advertiser.id)).extracting(FakeTikTok.ListRequest::page)
                .as("two pages of 1000 per sync").contains(1, 2).doesNotContain(3);
        Long firstRunRows = db.sql("select rows_read from sync_run where connection_id = :id order by id limit 1")
                .bind("id", connectionId).map(row -> row.get("rows_read", Long.class)).one()
                .block(Duration.ofSeconds(10));
        assertThat(firstRunRows).as("advertiser, campaign, 2 ad groups, 1003 ads").isGreaterThanOrEqualTo(1 + 1 + 2 + 1003);
    }

    @Test
    void aBudgetOrStatusChangePublishesOneNewSnapshotOfThatEntityOnly() {
        FakeTikTok.Advertiser advertiser = withHierarchy(kiritimatiAdvertiser(uniqueToken()));
        String connectionId = grantAndAwaitBackfill(advertiser);
        int before = entities(advertiser.id).size();

        advertiser.edit(ADGROUP, "budget", 35.5).edit(AD, "operation_status", "DISABLE")
                .edit(AD, "secondary_status", "AD_STATUS_DISABLE");
        eventually().untilAsserted(() -> assertThat(entities(advertiser.id)).hasSize(before + 2));
        awaitRunAfter(connectionId, overview(connectionId).lastSync().runId());

        List<EntityObserved> all = entities(advertiser.id).stream().map(EventEnvelope::data).toList();
        assertThat(all).hasSize(before + 2);
        List<EntityObserved> adGroup = all.stream().filter(e -> e.entityId().equals(ADGROUP)).toList();
        assertThat(adGroup).extracting(e -> e.budget().amount().stripTrailingZeros().toPlainString() + " "
                + e.budget().currency()).containsExactly("20 EUR", "35.5 EUR");
        List<EntityObserved> ad = all.stream().filter(e -> e.entityId().equals(AD)).toList();
        assertThat(ad).extracting(EntityObserved::status).containsExactly("ENABLE", "DISABLE");
        assertThat(all.stream().filter(e -> e.entityId().equals("1801"))).as("the unchanged campaign").hasSize(1);
    }

    @Test
    void adGroupAndAdDailyReportsArePublishedAtTheirLevels() {
        FakeTikTok.Advertiser advertiser = withHierarchy(kiritimatiAdvertiser(uniqueToken()))
                .row(ADGROUP_LEVEL, ADGROUP, TODAY.minusDays(3), BackfillAndPollingTest.values("12.000", "900", "12"))
                .row(AD_LEVEL, AD, TODAY.minusDays(3), BackfillAndPollingTest.values("8.000", "600", "7"))
                .row(AD_LEVEL, DELETED_AD, TODAY.minusDays(29), BackfillAndPollingTest.values("1.000", "60", "1"));

        String connectionId = grantAndAwaitBackfill(advertiser);

        List<MetricObserved> metrics = metrics(advertiser.id).stream().map(EventEnvelope::data).toList();
        assertThat(metrics).extracting(m -> m.level() + " " + m.entityId() + " " + m.granularity() + " " + m.statDate())
                .containsExactlyInAnyOrder("ADGROUP " + ADGROUP + " DAY " + TODAY.minusDays(3),
                        "AD " + AD + " DAY " + TODAY.minusDays(3), "AD " + DELETED_AD + " DAY " + TODAY.minusDays(29));
        MetricObserved adGroup = metrics.stream().filter(m -> m.level() == EntityLevel.ADGROUP).findFirst().orElseThrow();
        assertThat(adGroup.metrics()).containsEntry("spend", new BigDecimal("12.000"));
        assertThat(adGroup.statHour()).isNull();
        for (String level : List.of(ADGROUP_LEVEL, AD_LEVEL)) {
            assertThat(TIKTOK.reportRequests(advertiser.id, level)).extracting(r -> r.start() + ".." + r.end())
                    .as(level + " in windows of at most 30 days")
                    .contains(TODAY.minusDays(30) + ".." + TODAY.minusDays(1), TODAY + ".." + TODAY);
        }
        assertThat(overview(connectionId).streams())
                .extracting(ConnectionOverview.Stream::stream, ConnectionOverview.Stream::lastDateCovered)
                .contains(tuple("adgroup-daily", TODAY), tuple("ad-daily", TODAY));
    }

    @Test
    void hourlyCampaignReportsCoverTheLastTwoLocalDaysOneDayPerRequest() {
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()))
                .hourRow(CAMPAIGN_LEVEL, "1801", TODAY, 9, BackfillAndPollingTest.values("2.000", "300", "4"))
                .hourRow(CAMPAIGN_LEVEL, "1801", TODAY.minusDays(1), 23, BackfillAndPollingTest.values("1.500", "200", "3"))
                .hourRow(CAMPAIGN_LEVEL, "1801", TODAY.minusDays(2), 10, BackfillAndPollingTest.values("9.000", "900", "9"));

        String connectionId = grantAndAwaitBackfill(advertiser);

        List<MetricObserved> hourly = metrics(advertiser.id).stream().map(EventEnvelope::data)
                .filter(m -> m.granularity() == Granularity.HOUR).toList();
        assertThat(hourly).extracting(m -> m.entityId() + " " + m.statDate() + " " + m.statHour())
                .containsExactlyInAnyOrder("1801 " + TODAY + " 9", "1801 " + TODAY.minusDays(1) + " 23");
        MetricObserved nine = hourly.stream().filter(m -> m.statHour() == 9).findFirst().orElseThrow();
        assertThat(nine.level()).isEqualTo(EntityLevel.CAMPAIGN);
        assertThat(nine.timeZone()).isEqualTo("Pacific/Kiritimati");
        assertThat(nine.metrics()).containsEntry("spend", new BigDecimal("2.000")).doesNotContainKey("reach");
        assertThat(nine.missing()).as("reach is not asked for by the hour, so it is not missing either").isEmpty();
        assertThat(nine.naturalKey()).endsWith("|HOUR|" + TODAY + "|9");
        List<FakeTikTok.ReportRequest> requests = TIKTOK.reportRequests(advertiser.id, CAMPAIGN_LEVEL).stream()
                .filter(FakeTikTok.ReportRequest::hourly).toList();
        assertThat(requests).allSatisfy(r -> assertThat(r.start()).isEqualTo(r.end()));
        assertThat(requests).extracting(FakeTikTok.ReportRequest::start).containsOnly(TODAY, TODAY.minusDays(1));

        awaitRunAfter(connectionId, overview(connectionId).lastSync().runId());
        assertThat(metrics(advertiser.id).stream().filter(m -> m.data().granularity() == Granularity.HOUR))
                .as("a poll of unchanged hours publishes nothing").hasSize(2);
    }

    @Test
    void levelsWithoutEntitiesAreNotAskedForReports() {
        FakeTikTok.Advertiser advertiser = kiritimatiAdvertiser(uniqueToken());
        advertiser.row(ADVERTISER_LEVEL, advertiser.id, TODAY, BackfillAndPollingTest.values("1.000", "1", "1"));

        grantAndAwaitBackfill(advertiser);

        assertThat(TIKTOK.reportRequests(advertiser.id, CAMPAIGN_LEVEL)).isEmpty();
        assertThat(TIKTOK.reportRequests(advertiser.id, ADGROUP_LEVEL)).isEmpty();
        assertThat(TIKTOK.reportRequests(advertiser.id, AD_LEVEL)).isEmpty();
        assertThat(TIKTOK.reportRequests(advertiser.id, ADVERTISER_LEVEL)).isNotEmpty();
        assertThat(metrics(advertiser.id)).extracting(e -> e.data().level()).containsExactly(EntityLevel.ADVERTISER);
    }

    /** Campaign 1801 with an ad group and a deleted one, each with an ad, the second ad deleted too. */
    private static FakeTikTok.Advertiser withHierarchy(FakeTikTok.Advertiser advertiser) {
        return withOneCampaign(advertiser)
                .adGroup(ADGROUP, "1801", "Boots 25-34", 20, "BUDGET_MODE_DAY", "ENABLE", "ADGROUP_STATUS_DELIVERY_OK")
                .adGroup(DELETED_ADGROUP, "1801", "Boots 35-44", 15, "BUDGET_MODE_DAY", "DISABLE", "ADGROUP_STATUS_DELETE")
                .ad(AD, ADGROUP, "1801", "Boots video", "ENABLE", "AD_STATUS_DELIVERY_OK")
                .ad(DELETED_AD, DELETED_ADGROUP, "1801", "Old boots video", "DISABLE", "AD_STATUS_DELETE");
    }

    /** The latest snapshot of every entity of the advertiser, by entity id. */
    private static Map<String, EntityObserved> latestEntities(String advertiserId) {
        return entities(advertiserId).stream().map(EventEnvelope::data)
                .collect(Collectors.toMap(EntityObserved::entityId, e -> e, (first, later) -> later));
    }
}
