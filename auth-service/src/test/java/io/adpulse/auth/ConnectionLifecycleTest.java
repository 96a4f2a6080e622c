package io.adpulse.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.auth.support.FakeTikTok.Advertiser;
import io.adpulse.events.ApiErrorOccurred;
import io.adpulse.events.ConnectionRevoked;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.EventType;
import io.adpulse.events.Golden;
import io.adpulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

class ConnectionLifecycleTest extends AuthServiceTestBase {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void listsAndShowsConnectionsWithoutTokens() {
        String advertiser = uniqueAdvertiserId();
        String token = "act." + UUID.randomUUID();
        connect("alice", token, new Advertiser(advertiser, "Listed Co"));

        web.get().uri("/api/auth/connections").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("\"id\":\"adv-" + advertiser + "\"")
                        .doesNotContain(token));
        web.get().uri("/api/auth/connections/adv-" + advertiser).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.displayName").isEqualTo("Listed Co")
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.keyId").isEqualTo("dev-token-2");
    }

    @Test
    void anUnknownConnectionIsANotFoundProblem() {
        web.get().uri("/api/auth/connections/adv-0").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://adpulse.io/problems/connection-not-found")
                .jsonPath("$.detail").isEqualTo("No TikTok connection with id 'adv-0'");
        web.delete().uri("/api/auth/connections/adv-0").exchange().expectStatus().isNotFound();
    }

    @Test
    void disconnectingPublishesConnectionRevokedAndRevokesAtTikTokOnceNoOtherAccountSharesTheToken() {
        String us = uniqueAdvertiserId();
        String ca = uniqueAdvertiserId();
        String token = "act." + UUID.randomUUID();
        connect("alice", token, new Advertiser(us, "US"), new Advertiser(ca, "CA"));

        web.delete().uri("/api/auth/connections/adv-" + us).header(ACTOR, "bob").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("REVOKED")
                .jsonPath("$.statusReason").isEqualTo("DISCONNECTED_BY_OPERATOR")
                .jsonPath("$.keyId").doesNotExist()
                .jsonPath("$.tiktokRevocation.outcome").isEqualTo("SKIPPED_SHARED_TOKEN");
        assertThat(TIKTOK.wasRevoked(token)).as("token still used by adv-" + ca).isFalse();

        web.delete().uri("/api/auth/connections/adv-" + ca).header(ACTOR, "bob").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.tiktokRevocation.outcome").isEqualTo("REVOKED");
        assertThat(TIKTOK.wasRevoked(token)).isTrue();
        assertThat(occurrencesInDatabase(token)).isZero();

        ConsumerRecord<String, byte[]> record = awaitRecords(Topics.CONNECTIONS, 1,
                r -> r.key().equals("adv-" + us) && isType(r, EventType.CONNECTION_REVOKED)).get(0);
        ConnectionRevoked revoked = CODEC.decode(record.value(), ConnectionRevoked.class).data();
        assertThat(revoked.advertiserId()).isEqualTo(us);
        assertThat(revoked.reason()).isEqualTo("DISCONNECTED_BY_OPERATOR");
        assertThat(revoked.revokedBy()).isEqualTo("bob");
    }

    @Test
    void disconnectingPublishesATombstoneAfterConnectionRevoked() {
        String advertiser = uniqueAdvertiserId();
        String id = "adv-" + advertiser;
        connect("alice", "act." + UUID.randomUUID(), new Advertiser(advertiser, "Tombstoned"));

        web.delete().uri("/api/auth/connections/" + id).header(ACTOR, "bob").exchange().expectStatus().isOk();

        List<ConsumerRecord<String, byte[]>> records = awaitRecords(Topics.CONNECTIONS, 3, r -> r.key().equals(id));
        assertThat(records).hasSize(3);
        assertThat(isType(records.get(0), EventType.CONNECTION_GRANTED)).isTrue();
        assertThat(isType(records.get(1), EventType.CONNECTION_REVOKED)).isTrue();
        assertThat(records.get(2).value()).as("tombstone").isNull();
    }

    @Test
    void aFailedRevocationAtTikTokStillDisconnectsAndDeletesTheTokenAndSaysSo() {
        String advertiser = uniqueAdvertiserId();
        String id = "adv-" + advertiser;
        String token = "act." + UUID.randomUUID();
        connect("alice", token, new Advertiser(advertiser, "Refused"));
        TIKTOK.willRefuseRevocation(token);

        web.delete().uri("/api/auth/connections/" + id).header(ACTOR, "bob").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("REVOKED")
                .jsonPath("$.keyId").doesNotExist()
                .jsonPath("$.tiktokRevocation.outcome").isEqualTo("FAILED")
                .jsonPath("$.tiktokRevocation.detail").value(detail -> assertThat((String) detail)
                        .contains("code 40105").contains("disconnected").doesNotContain(token));

        assertThat(TIKTOK.wasRevoked(token)).isFalse();
        assertThat(occurrencesInDatabase(token)).isZero();
        Long tokenRows = db.sql("select count(*) from connection_token where connection_id = :id").bind("id", id)
                .map(row -> row.get(0, Long.class)).one().block();
        assertThat(tokenRows).isZero();
        List<ConsumerRecord<String, byte[]>> records = awaitRecords(Topics.CONNECTIONS, 3, r -> r.key().equals(id));
        assertThat(isType(records.get(1), EventType.CONNECTION_REVOKED)).isTrue();
        assertThat(records.get(2).value()).isNull();
    }

    @Test
    void disconnectingTwiceChangesNothing() {
        String advertiser = uniqueAdvertiserId();
        connect("alice", "act." + UUID.randomUUID(), new Advertiser(advertiser, "Twice"));
        web.delete().uri("/api/auth/connections/adv-" + advertiser).exchange().expectStatus().isOk();

        web.delete().uri("/api/auth/connections/adv-" + advertiser).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("REVOKED")
                .jsonPath("$.tiktokRevocation.outcome").isEqualTo("ALREADY_DISCONNECTED");

        assertThat(awaitRecords(Topics.CONNECTIONS, 1, r -> r.key().equals("adv-" + advertiser)
                && isType(r, EventType.CONNECTION_REVOKED))).hasSize(1);
    }

    @Test
    void tiktokAuthErrorsMarkTheConnectionNeedsReauthAndOtherErrorsDoNot() {
        String advertiser = uniqueAdvertiserId();
        String id = "adv-" + advertiser;
        connect("alice", "act." + UUID.randomUUID(), new Advertiser(advertiser, "Expiring Co"));
        Instant now = clock.instant();

        publishApiError(id, advertiser, 40100, now.plusSeconds(1));
        publishApiError(id, advertiser, 40105, now.minus(Duration.ofHours(1)));
        publishApiError(id, advertiser, 40114, now.plusSeconds(2));
        publishApiError(id, advertiser, 40114, now.plusSeconds(2));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> web.get().uri("/api/auth/connections/" + id)
                .exchange()
                .expectBody()
                .jsonPath("$.status").isEqualTo("NEEDS_REAUTH")
                .jsonPath("$.statusReason").isEqualTo("NEEDS_REAUTH:40114"));
        ConsumerRecord<String, byte[]> record = awaitRecords(Topics.CONNECTIONS, 1,
                r -> r.key().equals(id) && isType(r, EventType.CONNECTION_REVOKED)).get(0);
        ConnectionRevoked revoked = CODEC.decode(record.value(), ConnectionRevoked.class).data();
        assertThat(revoked.reason()).isEqualTo("NEEDS_REAUTH:40114");
        assertThat(revoked.revokedBy()).isEqualTo("tiktok");
    }

    @Test
    void aMalformedApiErrorRecordLandsOnTheDeadLetterTopicWithTheReason() {
        String key = "malformed-" + UUID.randomUUID();
        kafka.send(Topics.API_ERRORS, key, "{not a cloud event".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> dead = awaitRecords(Topics.deadLetter(Topics.API_ERRORS), 1,
                r -> key.equals(r.key())).get(0);

        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not a cloud event");
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("not a CloudEvents 1.0 JSON event");
    }

    @Test
    void anEventOfAnotherTypeOnTheApiErrorTopicLandsOnTheDeadLetterTopic() {
        String key = "wrong-type-" + UUID.randomUUID();
        kafka.send(Topics.API_ERRORS, key, Golden.bytes(EventType.CONNECTION_GRANTED));

        ConsumerRecord<String, byte[]> dead = awaitRecords(Topics.deadLetter(Topics.API_ERRORS), 1,
                r -> key.equals(r.key())).get(0);

        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("expected adpulse.api-errors.occurred.v1");
    }

    private void publishApiError(String connectionId, String advertiserId, int code, Instant occurredAt) {
        String requestId = "req-" + code + "-" + occurredAt.toEpochMilli();
        var data = new ApiErrorOccurred(connectionId, advertiserId, "/campaign/get/", code, "TikTok error " + code, 200,
                code == 40100, requestId, occurredAt);
        kafka.send(Topics.API_ERRORS, connectionId,
                CODEC.encode(EventEnvelope.of("/adpulse/ingest-service", connectionId, occurredAt, data, requestId)));
    }

    static boolean isType(ConsumerRecord<String, byte[]> record, EventType type) {
        return record.value() != null && new String(record.value(), StandardCharsets.UTF_8).contains("\"type\":\"" + type.type() + "\"");
    }
}
