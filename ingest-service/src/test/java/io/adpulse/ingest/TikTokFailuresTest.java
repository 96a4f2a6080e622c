package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.ApiErrorOccurred;
import io.adpulse.events.EventEnvelope;
import io.adpulse.ingest.connection.ConnectionStatus;
import io.adpulse.ingest.sync.ConnectionOverview;
import io.adpulse.ingest.sync.SyncResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** TikTok's failures: rate limits are retried, rejected tokens stop polling, everything is reported and counted. */
class TikTokFailuresTest extends IngestServiceTestBase {

    private static final LocalDate TODAY = KIRITIMATI_TODAY;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRevokedTokenIsPublishedAsApiErrorAndTheConnectionStopsPolling() {
        String token = uniqueToken();
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(token));
        String connectionId = grantAndAwaitBackfill(advertiser);
        String sentinelId = grantAndAwaitBackfill(withOneCampaign(kiritimatiAdvertiser(uniqueToken())));

        advertiser.revokeToken();

        eventually().untilAsserted(() -> assertThat(apiErrors(connectionId)).isNotEmpty());
        EventEnvelope<ApiErrorOccurred> event = apiErrors(connectionId).get(0);
        ApiErrorOccurred error = event.data();
        assertThat(event.subject()).isEqualTo(connectionId);
        assertThat(error.advertiserId()).isEqualTo(advertiser.id);
        assertThat(error.endpoint()).isEqualTo(FakeTikTok.ADVERTISER_INFO);
        assertThat(error.code()).isEqualTo(40105);
        assertThat(error.httpStatus()).isEqualTo(200);
        assertThat(error.retryable()).isFalse();
        assertThat(error.requestId()).startsWith("fake-");
        assertThat(error.message()).contains("40105", "revoked").doesNotContain(token);
        eventually().untilAsserted(() -> assertThat(overview(connectionId).status())
                .isEqualTo(ConnectionStatus.NEEDS_REAUTH));
        ConnectionOverview overview = overview(connectionId);
        assertThat(overview.statusReason()).contains("40105").doesNotContain(token);
        assertThat(overview.lastSync().result()).isEqualTo(SyncResult.FAILED);
        assertThat(overview.lastSync().error()).contains("40105");

        assertNotPolledWhileOthersAre(connectionId, advertiser.id, sentinelId);
        web.post().uri("/api/ingest/connections/{id}/sync", connectionId).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("NEEDS_REAUTH"));
    }

    @Test
    void aNewGrantWithAFreshTokenResumesPollingAfterARejection() {
        FakeTikTok.Advertiser revoked = withOneCampaign(kiritimatiAdvertiser(uniqueToken()));
        String connectionId = grantAndAwaitBackfill(revoked);
        revoked.revokeToken();
        eventually().untilAsserted(() -> assertThat(overview(connectionId).status())
                .isEqualTo(ConnectionStatus.NEEDS_REAUTH));

        String freshToken = uniqueToken();
        FakeTikTok.Advertiser reconnected = TIKTOK.advertiser(revoked.id, freshToken, "Northwind Pacific", "EUR",
                KIRITIMATI.getId());
        withOneCampaign(reconnected);
        grant(connectionId, revoked.id, Tokens.sealWithDevKey(freshToken, connectionId));

        eventually().untilAsserted(() -> {
            ConnectionOverview overview = overview(connectionId);
            assertThat(overview.status()).isEqualTo(ConnectionStatus.ACTIVE);
            assertThat(overview.statusReason()).isNull();
            assertThat(overview.lastSync().result()).isEqualTo(SyncResult.SUCCEEDED);
        });
    }

    @Test
    void aRateLimitIsRetriedWithBackoffAndNothingIsLost() {
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()))
                .row(CAMPAIGN_LEVEL, "1801", TODAY.minusDays(20), BackfillAndPollingTest.values("5.000", "500", "5"))
                .row(CAMPAIGN_LEVEL, "1801", TODAY, BackfillAndPollingTest.values("6.000", "600", "6"));
        TIKTOK.failNext(FakeTikTok.CAMPAIGN_GET, advertiser.id, 40100, 1);
        TIKTOK.failNext(FakeTikTok.REPORT_GET, advertiser.id, 40100, 2);

        String connectionId = grantAndAwaitBackfill(advertiser);

        assertThat(metrics(advertiser.id)).extracting(e -> e.data().statDate())
                .containsExactlyInAnyOrder(TODAY.minusDays(20), TODAY);
        assertThat(entities(advertiser.id)).hasSize(2);
        assertThat(apiErrors(connectionId)).as("retries succeeded, so nothing failed").isEmpty();
        assertThat(firstRun(connectionId)).containsEntry("result", "SUCCEEDED")
                .as("advertiser info, campaigns twice, ad groups, ads, 4 daily and 2 hourly windows plus 2 retries")
                .containsEntry("api_calls", 13L);
        assertThat(calls(connectionId, FakeTikTok.REPORT_GET, "40100")).isEqualTo(2.0);
        assertThat(calls(connectionId, FakeTikTok.CAMPAIGN_GET, "40100")).isEqualTo(1.0);
    }

    @Test
    void aSyncUnderAFaultStormPublishesExactlyWhatACleanSyncPublishes() {
        FakeTikTok.Advertiser clean = stormData(withOneCampaign(kiritimatiAdvertiser(uniqueToken())));
        FakeTikTok.Advertiser stormy = stormData(withOneCampaign(kiritimatiAdvertiser(uniqueToken())));
        // every endpoint fails three times in different ways before it answers (the retries allow four attempts)
        for (String endpoint : List.of(FakeTikTok.CAMPAIGN_GET, FakeTikTok.REPORT_GET)) {
            for (int failure : List.of(40100, FakeTikTok.httpStatus(503), FakeTikTok.TRUNCATED_BODY)) {
                TIKTOK.failNext(endpoint, stormy.id, failure, 1);
            }
        }

        grantAndAwaitBackfill(clean);
        String stormyConnection = grantAndAwaitBackfill(stormy);

        assertThat(firstRun(stormyConnection)).containsEntry("result", "SUCCEEDED");
        assertThat(publishedState(stormy.id)).as("metrics and entities published under the storm")
                .isEqualTo(publishedState(clean.id)).isNotEmpty();
        assertThat(metrics(stormy.id)).as("each fact once").hasSameSizeAs(metrics(clean.id));
        assertThat(calls(stormyConnection, FakeTikTok.REPORT_GET, "http_503")).isEqualTo(1.0);
        assertThat(calls(stormyConnection, FakeTikTok.REPORT_GET, "malformed_body")).isEqualTo(1.0);
    }

    private static FakeTikTok.Advertiser stormData(FakeTikTok.Advertiser advertiser) {
        return advertiser
                .row(CAMPAIGN_LEVEL, "1801", TODAY.minusDays(20), BackfillAndPollingTest.values("5.000", "500", "5"))
                .row(CAMPAIGN_LEVEL, "1801", TODAY.minusDays(2), BackfillAndPollingTest.values("6.250", "640", "7"))
                .row(CAMPAIGN_LEVEL, "1801", TODAY, BackfillAndPollingTest.values("1.500", "90", "1"));
    }

    /** What was published about an advertiser, without what names the advertiser or the moment. */
    private static Set<String> publishedState(String advertiserId) {
        Set<String> state = new TreeSet<>();
        metrics(advertiserId).forEach(e -> state.add("metric " + e.data().level() + " " + e.data().entityId() + " "
                + e.data().granularity() + " " + e.data().statDate() + " " + e.data().statHour() + " "
                + new TreeMap<>(e.data().metrics()) + " missing " + e.data().missing()));
        entities(advertiserId).forEach(e -> state.add("entity " + e.data().level() + " " + e.data().entityId() + " "
                + e.data().name() + " " + e.data().status() + " " + e.data().budget()));
        return state.stream().map(line -> line.replace(advertiserId, "<advertiser>"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aWindowTikTokFindsTooLargeIsReadInHalvesDownToWhatItAccepts() {
        LocalDate horizon = TODAY.minusDays(30);
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()))
                .row(CAMPAIGN_LEVEL, "1801", horizon, BackfillAndPollingTest.values("5.000", "500", "5"))
                .row(CAMPAIGN_LEVEL, "1801", horizon.plusDays(12), BackfillAndPollingTest.values("6.000", "600", "6"))
                .row(CAMPAIGN_LEVEL, "1801", TODAY.minusDays(1), BackfillAndPollingTest.values("7.000", "700", "7"));
        // 40067 for the 30-day backfill window and again for its first half
        TIKTOK.failReportWindow(advertiser.id, CAMPAIGN_LEVEL, horizon, 40067, 2);

        String connectionId = grantAndAwaitBackfill(advertiser);

        assertThat(firstRun(connectionId)).containsEntry("result", "SUCCEEDED");
        assertThat(TIKTOK.reportRequests(advertiser.id, CAMPAIGN_LEVEL)).filteredOn(r -> !r.hourly())
                .extracting(r -> r.start() + ".." + r.end())
                .contains(horizon + ".." + TODAY.minusDays(1),
                        horizon + ".." + horizon.plusDays(14),
                        horizon + ".." + horizon.plusDays(7), horizon.plusDays(8) + ".." + horizon.plusDays(14),
                        horizon.plusDays(15) + ".." + TODAY.minusDays(1));
        assertThat(metrics(advertiser.id)).extracting(e -> e.data().statDate())
                .as("every row read once the halves were accepted, each published once")
                .containsExactlyInAnyOrder(horizon, horizon.plusDays(12), TODAY.minusDays(1));
    }

    @Test
    void aRateLimitOutlastingTheRetriesFailsTheSyncAndTheNextPollCatchesUp() {
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()))
                .row(CAMPAIGN_LEVEL, "1801", TODAY.minusDays(25), BackfillAndPollingTest.values("5.000", "500", "5"))
                .row(CAMPAIGN_LEVEL, "1801", TODAY.minusDays(1), BackfillAndPollingTest.values("6.000", "600", "6"));
        TIKTOK.failNext(FakeTikTok.REPORT_GET, advertiser.id, 40100, 4);

        String connectionId = grant(advertiser);

        eventually().untilAsserted(() -> assertThat(apiErrors(connectionId)).isNotEmpty());
        ApiErrorOccurred error = apiErrors(connectionId).get(0).data();
        assertThat(error.code()).isEqualTo(40100);
        assertThat(error.endpoint()).isEqualTo(FakeTikTok.REPORT_GET);
        assertThat(error.retryable()).isTrue();
        eventually().untilAsserted(() -> assertThat(metrics(advertiser.id)).extracting(e -> e.data().statDate())
                .containsExactlyInAnyOrder(TODAY.minusDays(25), TODAY.minusDays(1)));
        Map<String, Object> first = firstRun(connectionId);
        assertThat(first).containsEntry("result", "FAILED");
        assertThat((String) first.get("error")).contains("40100");
        eventually().untilAsserted(() -> assertThat(overview(connectionId).lastSync().result())
                .isEqualTo(SyncResult.SUCCEEDED));
        assertThat(overview(connectionId).status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(metrics(advertiser.id)).as("each fact published once").hasSize(2);
    }

    @Test
    void tikTokCallsAreCountedPerConnectionEndpointAndSyncReasonAndNeverLabelledWithTheToken() {
        String token = uniqueToken();
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(token));

        String connectionId = grantAndAwaitBackfill(advertiser);

        List<Counter> counters = List.copyOf(meters.find("adpulse.tiktok.api.calls").tag("connection", connectionId)
                .counters());
        assertThat(counters).isNotEmpty();
        assertThat(counters).allSatisfy(counter -> {
            assertThat(counter.getId().getTags()).extracting(Tag::getKey)
                    .containsExactlyInAnyOrder("code", "connection", "endpoint", "reason");
            assertThat(counter.getId().getTags()).extracting(Tag::getValue).noneMatch(v -> v.contains(token));
        });
        Set<String> endpoints = counters.stream().map(c -> c.getId().getTag("endpoint")).collect(Collectors.toSet());
        assertThat(endpoints).contains(FakeTikTok.ADVERTISER_INFO, FakeTikTok.CAMPAIGN_GET, FakeTikTok.ADGROUP_GET,
                FakeTikTok.AD_GET, FakeTikTok.REPORT_GET);
        assertThat(calls(connectionId, FakeTikTok.REPORT_GET, "0")).isGreaterThanOrEqualTo(6.0);
        assertThat(counters).extracting(c -> c.getId().getTag("reason")).containsAnyOf("GRANT", "SCHEDULE");
        eventually().untilAsserted(() -> assertThat(meters.find("adpulse.tiktok.api.calls")
                .tags("connection", connectionId, "endpoint", FakeTikTok.CAMPAIGN_GET, "reason", "SCHEDULE").counters())
                .as("later polls are counted under their own reason")
                .isNotEmpty());

        web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(scrape -> assertThat(scrape)
                        .containsPattern("adpulse_tiktok_api_calls_total\\{[^}]*connection=\"" + connectionId
                                + "\"[^}]*endpoint=\"/campaign/get/\"[^}]*} [1-9]")
                        .doesNotContain(token));
    }

    private double calls(String connectionId, String endpoint, String code) {
        return meters.find("adpulse.tiktok.api.calls")
                .tags("connection", connectionId, "endpoint", endpoint, "code", code).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private Map<String, Object> firstRun(String connectionId) {
        return db.sql("select result, api_calls, error from sync_run where connection_id = :id order by id limit 1")
                .bind("id", connectionId).fetch().one().block(Duration.ofSeconds(10));
    }
}
