package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.EventSamples;
import io.adpulse.events.Topics;
import io.adpulse.ingest.connection.ConnectionStatus;
import io.adpulse.ingest.sync.ConnectionOverview;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** What arrives on {@code tiktok.connections.v1}: grants, revocations, tombstones, and records that are none of these. */
class ConnectionEventsTest extends IngestServiceTestBase {

    private static final String DLT = Topics.deadLetter(Topics.CONNECTIONS);
    private static final String REASON = "adpulse-dlt-reason";

    @Test
    void aRevocationStopsPollingAndForgetsTheConnectionsToken() {
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()));
        String connectionId = grantAndAwaitBackfill(advertiser);
        String sentinelId = grantAndAwaitBackfill(withOneCampaign(kiritimatiAdvertiser(uniqueToken())));

        revoke(connectionId, advertiser.id, "DISCONNECTED_BY_OPERATOR");

        eventually().untilAsserted(() -> assertThat(overview(connectionId).status()).isEqualTo(ConnectionStatus.REVOKED));
        assertThat(overview(connectionId).statusReason()).isEqualTo("DISCONNECTED_BY_OPERATOR");
        assertThat(db.sql("select token_ciphertext from connection where id = :id").bind("id", connectionId)
                .map(row -> Optional.ofNullable(row.get("token_ciphertext", String.class)))
                .one().block(Duration.ofSeconds(10))).isEmpty();
        assertNotPolledWhileOthersAre(connectionId, advertiser.id, sentinelId);
        web.post().uri("/api/ingest/connections/{id}/sync", connectionId).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void aTombstoneEndsTheConnection() {
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()));
        String connectionId = grantAndAwaitBackfill(advertiser);

        send(connectionId, null);

        eventually().untilAsserted(() -> {
            ConnectionOverview overview = overview(connectionId);
            assertThat(overview.status()).isEqualTo(ConnectionStatus.REVOKED);
            assertThat(overview.statusReason()).isEqualTo("TOMBSTONE");
        });
    }

    @Test
    void aRecordThatIsNotAnEventLandsOnTheDeadLetterTopicWithTheReason() {
        String key = "conn-garbage-" + UUID.randomUUID();
        byte[] garbage = "{\"hello\": \"not a cloud event\"".getBytes(StandardCharsets.UTF_8);

        send(key, garbage);

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(key);
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, REASON)).startsWith("not a CloudEvents 1.0 JSON event");
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.CONNECTIONS);
    }

    @Test
    void anEventThatDoesNotBelongOnTheConnectionsTopicIsDeadLettered() {
        String key = "conn-misrouted-" + UUID.randomUUID();

        send(key, CODEC.encode(EventSamples.metricObserved()));

        assertThat(header(awaitDeadLetter(key), REASON))
                .contains("adpulse.metrics.observed.v1", "does not belong on tiktok.connections.v1");
    }

    @Test
    void aGrantWhoseTokenDoesNotOpenIsDeadLetteredAtOnceAndNotStored() {
        String advertiserId = uniqueAdvertiserId();
        String connectionId = "conn-" + advertiserId;
        String token = uniqueToken();

        grant(connectionId, advertiserId, Tokens.seal(token, connectionId, "retired-transit-9", Tokens.OTHER_KEY));

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(connectionId);
        assertThat(header(dead, REASON)).contains(connectionId, "'retired-transit-9'", "not in this service's key ring")
                .doesNotContain(token);
        web.get().uri("/api/ingest/connections/{id}", connectionId).exchange().expectStatus().isNotFound();
    }

    @Test
    void aGrantSealedForAnotherConnectionIsDeadLettered() {
        String advertiserId = uniqueAdvertiserId();
        String connectionId = "conn-" + advertiserId;

        grant(connectionId, advertiserId, Tokens.sealWithDevKey(uniqueToken(), "conn-someone-else"));

        assertThat(header(awaitDeadLetter(connectionId), REASON)).contains("sealed for another connection");
    }

    @Test
    void aCreatorConnectionIsStoredButNeverPolledAsAnAdvertiser() {
        String openId = UUID.randomUUID().toString();
        String token = uniqueToken();
        TIKTOK.creator(openId, token);
        String creatorId = "creator-" + openId;
        FakeTikTok.Advertiser sentinel = withOneCampaign(kiritimatiAdvertiser(uniqueToken()));
        String sentinelId = grantAndAwaitBackfill(sentinel);

        grantCreator(creatorId, openId, token, NOW.minus(Duration.ofMinutes(30)));

        eventually().untilAsserted(() -> assertThat(TIKTOK.videoListRequests(openId)).isNotEmpty());
        assertThat(overview(creatorId).status()).isEqualTo(ConnectionStatus.ACTIVE);
        awaitRunAfter(sentinelId, awaitRunAfter(sentinelId, overview(sentinelId).lastSync().runId()).runId());
        assertThat(TIKTOK.calls(FakeTikTok.ADVERTISER_INFO, openId)).isZero();
        assertThat(overview(creatorId).lastSync()).isNull();
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        eventually().untilAsserted(() -> assertThat(deadLetters(key)).isNotEmpty());
        return deadLetters(key).get(0);
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return TopicReader.readAll(DLT).stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
