package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.MetricObserved;
import io.adpulse.ingest.connection.ConnectionStatus;
import io.adpulse.ingest.sync.ConnectionOverview;
import io.adpulse.ingest.sync.SyncResult;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports of several advertisers of one token in one call ({@code advertiser_ids}), end to end against TikTok's
 * sandbox run in-process (a second one, seeded 4242, so its three advertisers are this class's alone): the first sync
 * of three advertisers under one token publishes exactly the events the same advertisers' first syncs under a token
 * each published (same ids, keys and values), with far fewer calls; and when TikTok refuses a shared report for one
 * advertiser's permission, the others are read on their own and sync, while only that advertiser's sync fails.
 */
class SharedReportsTest extends IngestServiceTestBase {

    private static final long SEED = 4242;

    private SandboxTikTok sandbox;
    private List<String> advertisers;

    private final List<String> granted = new java.util.ArrayList<>();

    @BeforeEach
    void sandbox() {
        sandbox = SandboxTikTok.seeded(SEED);
        advertisers = sandbox.advertiserIds();
    }

    /** This class's connections stop polling, so the next test's syncs are the only ones of these advertisers. */
    @AfterEach
    void revokeAll() {
        for (String connectionId : granted) {
            revoke(connectionId, connectionId.substring(connectionId.indexOf('-') + 1), "test over");
        }
        eventually().until(() -> granted.stream().allMatch(id -> overview(id).status() != ConnectionStatus.ACTIVE
                && (overview(id).lastSync() == null || overview(id).lastSync().result() != SyncResult.RUNNING)));
    }

    private void grant(String connectionId, String advertiserId, String token) {
        granted.add(connectionId);
        grant(connectionId, advertiserId, Tokens.sealWithDevKey(token, connectionId));
    }

    /** Forgets what was published for these advertisers, so their facts are published once more from scratch. */
    private void forgetPublished() {
        db.sql("delete from published_fact where advertiser_id in (:ids)").bind("ids", advertisers).then().block();
    }

    @Test
    void firstSyncUnderOneTokenPublishesTheSameEventsAsOneTokenEachWithFewerCalls() {
        forgetPublished();
        List<String> alone = advertisers.stream().map(id -> "alone-" + id).toList();
        for (String id : advertisers) {
            grant("alone-" + id, id, sandbox.token(id));
        }
        awaitGrantSyncs(alone);
        Map<String, MetricObserved> aloneEvents = metricEvents(alone);
        long aloneCalls = grantRunCalls(alone);
        revokeAll();
        granted.clear();
        forgetPublished();

        String token = sandbox.token(advertisers);
        List<String> together = advertisers.stream().map(id -> "together-" + id).toList();
        for (String id : advertisers) {
            grant("together-" + id, id, token);
        }
        awaitGrantSyncs(together);
        Map<String, MetricObserved> togetherEvents = metricEvents(together);

        assertThat(aloneEvents).isNotEmpty();
        assertThat(togetherEvents.keySet()).isEqualTo(aloneEvents.keySet());
        togetherEvents.forEach((key, event) -> assertThat(sameFacts(event, aloneEvents.get(key))).as(key).isTrue());
        assertThat(grantRunCalls(together)).as("calls of the first sync under one token")
                .isLessThanOrEqualTo(aloneCalls / 2);
        assertThat(TIKTOK.forwardedReports(token)).anySatisfy(report ->
                assertThat(report.advertiserIds()).containsExactlyInAnyOrderElementsOf(advertisers));
    }

    @Test
    void refusedSharedReportIsReadOneAdvertiserAtATimeAndOnlyTheRefusedOneFails() {
        String token = sandbox.token(advertisers);
        String refused = advertisers.get(2);
        TIKTOK.failForwardedReports(token, refused, 40001, 2);
        List<String> connections = advertisers.stream().map(id -> "refused-" + id).toList();
        for (String id : advertisers) {
            grant("refused-" + id, id, token);
        }
        awaitGrantSyncs(connections);

        Map<String, Map<String, Object>> grantRuns = grantRuns(connections);
        assertThat(grantRuns.get("refused-" + refused).get("result")).isEqualTo("FAILED");
        assertThat((String) grantRuns.get("refused-" + refused).get("error")).contains("40001").contains(refused);
        for (String ok : connections.subList(0, 2)) {
            assertThat(grantRuns.get(ok).get("result")).as(ok).isEqualTo("SUCCEEDED");
            assertThat((Long) grantRuns.get(ok).get("rows_read")).as(ok).isPositive();
            assertThat(overview(ok).streams()).as(ok).extracting(ConnectionOverview.Stream::stream)
                    .contains("campaign-daily", "advertiser-daily", "adgroup-daily", "ad-daily", "campaign-hourly");
            assertThat(apiErrors(ok)).as("no API error for %s", ok).isEmpty();
        }
        assertThat(apiErrors("refused-" + refused)).anySatisfy(error -> {
            assertThat(error.data().code()).isEqualTo(40001);
            assertThat(error.data().endpoint()).isEqualTo("/report/integrated/get/");
        });
        List<FakeTikTok.ForwardedReport> reports = TIKTOK.forwardedReports(token);
        assertThat(reports.get(0).advertiserIds()).containsExactlyInAnyOrderElementsOf(advertisers);
        assertThat(reports.subList(1, 4)).extracting(FakeTikTok.ForwardedReport::advertiserIds)
                .containsExactlyInAnyOrder(List.of(advertisers.get(0)), List.of(advertisers.get(1)), List.of(refused));
        assertThat(reports.get(4).advertiserIds()).containsExactlyInAnyOrder(advertisers.get(0), advertisers.get(1));
    }

    private void awaitGrantSyncs(List<String> connectionIds) {
        eventually().until(() -> {
            Map<String, Map<String, Object>> runs = grantRuns(connectionIds);
            return runs.size() == connectionIds.size()
                    && runs.values().stream().noneMatch(run -> "RUNNING".equals(run.get("result")));
        });
    }

    /** Each connection's GRANT run (its first sync) as stored. */
    private Map<String, Map<String, Object>> grantRuns(List<String> connectionIds) {
        return db.sql("""
                select connection_id, result, error, rows_read, api_calls from sync_run
                where connection_id in (:ids) and reason = 'GRANT'
                """)
                .bind("ids", connectionIds)
                .fetch().all()
                .collectMap(row -> (String) row.get("connection_id"), Function.identity())
                .block();
    }

    private long grantRunCalls(List<String> connectionIds) {
        Map<String, Map<String, Object>> runs = grantRuns(connectionIds);
        assertThat(runs.values()).allSatisfy(run -> assertThat(run.get("result")).isEqualTo("SUCCEEDED"));
        return runs.values().stream().mapToLong(run -> (Long) run.get("api_calls")).sum();
    }

    /** The metric events these connections published, by event id (derived from the fact, its value and history). */
    private Map<String, MetricObserved> metricEvents(List<String> connectionIds) {
        return advertisers.stream()
                .flatMap(id -> metrics(id).stream())
                .filter(event -> connectionIds.contains(event.data().connectionId()))
                .peek(event -> assertThat(event.subject()).isEqualTo(event.data().advertiserId()))
                .collect(Collectors.toMap(event -> event.id(), event -> event.data()));
    }

    /** The same fact with the same values; only the connection and the time of observation may differ. */
    private static boolean sameFacts(MetricObserved a, MetricObserved b) {
        return b != null && a.naturalKey().equals(b.naturalKey()) && a.timeZone().equals(b.timeZone())
                && a.currency().equals(b.currency()) && a.metrics().equals(b.metrics())
                && a.missing().equals(b.missing());
    }
}
