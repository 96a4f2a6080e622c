package io.adpulse.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.auth.support.FakeTikTok;
import io.adpulse.events.ConnectionRevoked;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.EventType;
import io.adpulse.events.Topics;
import io.adpulse.events.WebhookReceived;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** TikTok webhooks on {@code tiktok.webhooks.v1}, as ingest-service publishes them after verifying the signature. */
class TikTokWebhookTest extends AuthServiceTestBase {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void aRemovedAuthorisationRevokesTheCreatorConnectionWithoutCallingTikTokAndOnlyOnce() {
        String openId = uniqueOpenId();
        String id = connectCreator("alice", openId, "Removed Me");
        List<String> tokens = TIKTOK.loginKit().allTokensIssued(openId);
        assertThat(tokens).hasSize(2);
        TIKTOK.loginKit().removeAuthorization(openId);
        WebhookReceived removed = authorizationRemoved(openId, FakeTikTok.APP_ID, "1");

        publish(removed);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> web.get().uri("/api/auth/connections/" + id)
                .exchange()
                .expectBody()
                .jsonPath("$.status").isEqualTo("REVOKED")
                .jsonPath("$.statusReason").isEqualTo("REVOKED_AT_TIKTOK:USER_DISCONNECTED")
                .jsonPath("$.keyId").doesNotExist());
        assertThat(tokenRows(id)).as("tokens deleted").isZero();
        assertThat(tokens).noneMatch(token -> TIKTOK.loginKit().wasRevoked(token));
        List<ConsumerRecord<String, byte[]>> records = awaitRecords(Topics.CONNECTIONS, 3, r -> r.key().equals(id));
        assertThat(ConnectionLifecycleTest.isType(records.get(0), EventType.CONNECTION_GRANTED)).isTrue();
        assertThat(ConnectionLifecycleTest.isType(records.get(1), EventType.CONNECTION_REVOKED)).isTrue();
        ConnectionRevoked revoked = CODEC.decode(records.get(1).value(), ConnectionRevoked.class).data();
        assertThat(revoked.reason()).isEqualTo("REVOKED_AT_TIKTOK:USER_DISCONNECTED");
        assertThat(revoked.revokedBy()).isEqualTo("tiktok");
        assertThat(records.get(2).value()).as("tombstone").isNull();
        String before = connectionRow(id);

        publish(removed);
        awaitProcessed(openId);

        assertThat(connectionRow(id)).as("a redelivery changes nothing").isEqualTo(before);
        assertThat(outboxRows(id)).as("granted, revoked, tombstone and nothing more").isEqualTo(3);
    }

    @Test
    void tikToksReasonCodesBecomeReadableStatusReasonsAndAConnectionNeedingReauthIsRevokedToo() {
        Map<String, String> expected = Map.of("0", "UNKNOWN", "2", "ACCOUNT_DELETED", "3", "AGE_CHANGED",
                "4", "ACCOUNT_BANNED", "5", "DEVELOPER_REVOKED", "99", "UNKNOWN");
        expected.forEach((code, name) -> {
            String openId = uniqueOpenId();
            String id = connectCreator("alice", openId, "Reason " + code);
            if ("4".equals(code)) {
                db.sql("update connection set status = 'NEEDS_REAUTH', status_reason = 'NEEDS_REAUTH:invalid_grant' "
                        + "where id = :id").bind("id", id).then().block();
            }

            publish(authorizationRemoved(openId, FakeTikTok.APP_ID, code));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> web.get().uri("/api/auth/connections/" + id)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("REVOKED")
                    .jsonPath("$.statusReason").isEqualTo("REVOKED_AT_TIKTOK:" + name));
        });
    }

    @Test
    void otherAppsOtherEventsAndUnknownUsersChangeNothing() {
        String openId = uniqueOpenId();
        String id = connectCreator("alice", openId, "Stays");
        String before = connectionRow(id);

        publish(authorizationRemoved(openId, "another-client-key", "1"));
        publish(new WebhookReceived("dlv-" + UUID.randomUUID(), "video.publish.completed", FakeTikTok.APP_ID, openId,
                clock.instant(), Map.of("publish_id", "v_pub_1"), clock.instant()));
        publish(authorizationRemoved(uniqueOpenId(), FakeTikTok.APP_ID, "1"));
        awaitProcessed(openId);

        assertThat(connectionRow(id)).isEqualTo(before);
        assertThat(tokenRows(id)).isEqualTo(2);
    }

    @Test
    void aRemovalOlderThanTheCurrentGrantDoesNotRevokeIt() {
        String openId = uniqueOpenId();
        String id = connectCreator("alice", openId, "Reconnected");
        String before = connectionRow(id);
        WebhookReceived stale = new WebhookReceived("dlv-" + UUID.randomUUID(), WebhookReceived.AUTHORIZATION_REMOVED,
                FakeTikTok.APP_ID, openId, clock.instant().minus(Duration.ofMinutes(5)), Map.of("reason", "1"),
                clock.instant());

        publish(stale);
        awaitProcessed(openId);

        assertThat(connectionRow(id)).isEqualTo(before);
    }

    @Test
    void aRecordThatIsNoWebhookEventLandsOnTheDeadLetterTopic() {
        String key = "not-a-webhook-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(Topics.WEBHOOKS, key, "{\"user_openid\":".getBytes(StandardCharsets.UTF_8)))
                .join();

        ConsumerRecord<String, byte[]> dead = awaitRecords(Topics.deadLetter(Topics.WEBHOOKS), 1,
                r -> key.equals(r.key())).get(0);

        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("not a CloudEvents 1.0 JSON event");
    }

    private WebhookReceived authorizationRemoved(String openId, String clientKey, String reason) {
        Instant now = clock.instant();
        return new WebhookReceived("dlv-" + UUID.randomUUID(), WebhookReceived.AUTHORIZATION_REMOVED, clientKey, openId,
                now, Map.of("reason", reason), now);
    }

    private void publish(WebhookReceived webhook) {
        EventEnvelope<WebhookReceived> event = EventEnvelope.of("/adpulse/ingest-service", webhook.userOpenId(),
                webhook.receivedAt(), webhook, webhook.deliveryId());
        kafka.send(new ProducerRecord<>(Topics.WEBHOOKS, webhook.userOpenId(), CODEC.encode(event))).join();
    }

    /**
     * Waits until the listener got past everything published so far under {@code openId}: a record that is no event,
     * sent with the same key (same partition, so it is consumed after them), reaches the dead-letter topic.
     */
    private void awaitProcessed(String openId) {
        String marker = "marker-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(Topics.WEBHOOKS, openId, marker.getBytes(StandardCharsets.UTF_8))).join();
        awaitRecords(Topics.deadLetter(Topics.WEBHOOKS), 1,
                r -> openId.equals(r.key()) && marker.equals(new String(r.value(), StandardCharsets.UTF_8)));
    }

    /** The connection's whole row as text. */
    private String connectionRow(String id) {
        return db.sql("select c::text from connection c where id = :id").bind("id", id)
                .map(row -> row.get(0, String.class)).one().block();
    }

    private long tokenRows(String id) {
        return db.sql("select count(*) from connection_token where connection_id = :id").bind("id", id)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private long outboxRows(String id) {
        return db.sql("select count(*) from outbox where record_key = :id").bind("id", id)
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
