package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.ingest.connection.ConnectionStatus;
import io.adpulse.ingest.sync.ConnectionOverview;
import io.adpulse.ingest.sync.SyncResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The operations API under {@code /api/ingest/connections}. */
class ConnectionsApiTest extends IngestServiceTestBase {

    @Test
    void listingShowsEveryConnectionWithItsStatusLatestSyncAndWatermarks() {
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()));
        String connectionId = grantAndAwaitBackfill(advertiser);

        List<ConnectionOverview> all = web.get().uri("/api/ingest/connections").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBodyList(ConnectionOverview.class).returnResult().getResponseBody();

        assertThat(all).extracting(ConnectionOverview::id).isSorted().contains(connectionId);
        ConnectionOverview mine = all.stream().filter(c -> c.id().equals(connectionId)).findFirst().orElseThrow();
        assertThat(mine.advertiserId()).isEqualTo(advertiser.id);
        assertThat(mine.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(mine.lastSync()).isNotNull();
        assertThat(mine.lastSync().startedAt()).isAfterOrEqualTo(NOW);
        assertThat(mine.streams()).extracting(ConnectionOverview.Stream::stream)
                .containsExactlyInAnyOrder("entities", "campaign-daily", "advertiser-daily", "adgroup-daily", "ad-daily",
                        "campaign-hourly");
    }

    @Test
    void aRequestedSyncIsQueuedAndRecordedWithTheActor() {
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()));
        String connectionId = grantAndAwaitBackfill(advertiser);

        web.post().uri("/api/ingest/connections/{id}/sync", connectionId).header(ACTOR, "alice").exchange()
                .expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.connectionId").isEqualTo(connectionId)
                .jsonPath("$.status").isEqualTo("QUEUED");

        eventually().untilAsserted(() -> assertThat(manualRuns(connectionId)).singleElement()
                .satisfies(run -> assertThat(run).containsEntry("requested_by", "alice")
                        .containsEntry("result", SyncResult.SUCCEEDED.name())));
    }

    @Test
    void syncingAnUnknownConnectionIsANotFoundProblem() {
        web.post().uri("/api/ingest/connections/{id}/sync", "conn-nobody").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("No connection 'conn-nobody' is known to ingest-service")
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void readingAnUnknownConnectionIsANotFoundProblem() {
        web.get().uri("/api/ingest/connections/{id}", "conn-nobody").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("No connection 'conn-nobody' is known to ingest-service");
    }

    @Test
    void healthAndPrometheusAreExposed() {
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    private List<Map<String, Object>> manualRuns(String connectionId) {
        return db.sql("select requested_by, result from sync_run where connection_id = :id and reason = 'MANUAL'")
                .bind("id", connectionId).fetch().all().collectList().block(Duration.ofSeconds(10));
    }
}
