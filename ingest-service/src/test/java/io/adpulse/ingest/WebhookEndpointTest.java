package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import io.adpulse.events.WebhookReceived;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * TikTok's webhook endpoint as TikTok and an attacker meet it: signatures computed here independently of the
 * service's verifier (HMAC-SHA256 with the client secret over {@code t.body}), the double-encoded {@code content},
 * TikTok's retries and duplicates, replays, stale timestamps and bodies that are not what TikTok sends.
 */
class WebhookEndpointTest extends IngestServiceTestBase {

    private static final String SECRET = "sandbox-secret";
    private static final String CLIENT_KEY = "sandbox-app";

    @Autowired
    Clock clock;

    @Test
    void aSignedNotificationIsPublishedOnceWithItsContentParsed() {
        String openId = openId();
        String body = body("authorization.removed", openId, "{\"reason\": 1}");

        deliver(body, sign(body, now())).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("accepted")
                .jsonPath("$.event").isEqualTo("authorization.removed");
        // TikTok retries with a fresh signature timestamp, and sometimes delivers twice
        deliver(body, sign(body, now() + 1)).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("duplicate");
        deliver(body, sign(body, now() + 1)).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("duplicate");

        List<WebhookReceived> published = awaitPublished(openId, 1);
        WebhookReceived event = published.get(0);
        assertThat(event.event()).isEqualTo(WebhookReceived.AUTHORIZATION_REMOVED);
        assertThat(event.clientKey()).isEqualTo(CLIENT_KEY);
        assertThat(event.userOpenId()).isEqualTo(openId);
        assertThat(event.content()).containsExactly(Map.entry("reason", "1"));
        assertThat(event.createTime().getEpochSecond()).isEqualTo(1_763_000_000L);
        sleepPastInlinePublication();
        assertThat(publishedFor(openId)).hasSize(1);
    }

    @Test
    void notificationsDeliveredOutOfOrderAreEachPublished() {
        String openId = openId();
        String first = body("post.publish.inbox_delivered", openId, "{\"publish_id\":\"v_pub_1\",\"publish_type\":\"INBOX_SHARE\"}");
        String second = body("post.publish.complete", openId, "{\"publish_id\":\"v_pub_1\",\"publish_type\":\"INBOX_SHARE\"}");

        deliver(second, sign(second, now())).expectStatus().isOk();
        deliver(first, sign(first, now())).expectStatus().isOk();

        assertThat(awaitPublished(openId, 2)).extracting(WebhookReceived::event)
                .containsExactlyInAnyOrder("post.publish.inbox_delivered", "post.publish.complete");
    }

    @Test
    void badMissingAndStaleSignaturesAreRefusedAndNothingIsPublished() {
        String openId = openId();
        String body = body("authorization.removed", openId, "{\"reason\": 2}");
        String wrongSecret = "t=" + now() + ",s=" + hmac("not-the-secret", now() + "." + body);

        deliver(body, wrongSecret).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.reason").isEqualTo("bad_signature")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain(SECRET));
        deliver(body, null).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("missing_signature");
        deliver(body, "s=abc").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("malformed_signature");
        deliver(body, sign(body, now() - 600)).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("stale_timestamp");
        deliver(body, sign(body, now() + 600)).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("stale_timestamp");
        // a valid signature of another body does not sign this one
        String other = body("authorization.removed", openId, "{\"reason\": 3}");
        deliver(body, sign(other, now())).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("bad_signature");

        sleepPastInlinePublication();
        assertThat(publishedFor(openId)).isEmpty();
    }

    @Test
    void aReplayedDeliveryIsPublishedOnceAndAReplayLaterIsRefused() {
        String openId = openId();
        String body = body("authorization.removed", openId, "{\"reason\": 5}");
        String header = sign(body, now());

        deliver(body, header).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("accepted");
        deliver(body, header).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("duplicate");
        String capturedLongAgo = sign(body, now() - 3600);
        deliver(body, capturedLongAgo).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.reason").isEqualTo("stale_timestamp");

        assertThat(awaitPublished(openId, 1)).hasSize(1);
    }

    @Test
    void signedButMalformedBodiesAreRefusedWithTheReasonAndKeptOnTheDeadLetterTopic() {
        String marker = "malformed-" + UUID.randomUUID();
        Map<String, String> bodies = Map.of(
                "{\"event\": \"authorization.removed\", \"note\": \"" + marker + "\"", "malformed_json",
                "[\"" + marker + "\"]", "not_an_object",
                body("authorization.removed", marker, "not json"), "malformed_content",
                body("authorization.removed", marker, "[1,2]"), "malformed_content",
                "{\"client_key\":\"" + CLIENT_KEY + "\",\"event\":\"x.y\",\"create_time\":1637871962989210544,"
                        + "\"user_openid\":\"" + marker + "\",\"content\":\"{}\"}", "bad_create_time",
                "{\"client_key\":\"another-app\",\"event\":\"x.y\",\"create_time\":1,\"user_openid\":\"" + marker
                        + "\",\"content\":\"{}\"}", "other_app",
                "{\"client_key\":\"" + CLIENT_KEY + "\",\"create_time\":1,\"user_openid\":\"" + marker + "\"}",
                "missing_event",
                // NUL characters, which PostgreSQL cannot store (found by the fault suite's fuzzing pass: a 500)
                "{\"client_key\":\"" + CLIENT_KEY + "\",\"event\":\"x\\u0000y\",\"create_time\":1,\"user_openid\":\""
                        + marker + "\",\"content\":\"{}\"}", "bad_event",
                "{\"client_key\":\"" + CLIENT_KEY + "\",\"event\":\"x.y\",\"create_time\":1,\"user_openid\":\""
                        + marker + "\\u0000\",\"content\":\"{}\"}", "bad_user_openid",
                "{\"client_key\":\"" + CLIENT_KEY + "\",\"event\":\"x.y\",\"create_time\":1,\"user_openid\":\""
                        + marker + "\",\"content\":{\"a\":\"b\\u0000\"}}", "malformed_content");

        bodies.forEach((body, reason) -> deliver(body, sign(body, now())).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.reason").isEqualTo(reason)
                .jsonPath("$.detail").isNotEmpty());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = TopicReader.readAll(Topics.deadLetter(Topics.WEBHOOKS)).stream()
                    .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker)).toList();
            assertThat(dead).hasSize(bodies.size());
            assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader("adpulse-dlt-reason")).isNotNull());
        });
    }

    @Test
    void anOversizedBodyIsRefusedWithoutReadingItAll() {
        String huge = "{\"event\":\"" + "x".repeat(70_000) + "\"}";
        deliver(huge, sign(huge, now())).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.reason").isEqualTo("too_large");
    }

    private WebTestClient.ResponseSpec deliver(String body, String signature) {
        WebTestClient.RequestBodySpec request = web.post().uri("/webhooks/tiktok").contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request.header("TikTok-Signature", signature);
        }
        return request.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private List<WebhookReceived> awaitPublished(String openId, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> publishedFor(openId).size() >= count);
        return publishedFor(openId);
    }

    private static List<WebhookReceived> publishedFor(String openId) {
        return TopicReader.readAll(Topics.WEBHOOKS).stream()
                .filter(r -> openId.equals(r.key()))
                .map(r -> CODEC.decode(r.value(), WebhookReceived.class))
                .map(EventEnvelope::data)
                .toList();
    }

    /** Long enough for a second (wrong) publication, inline or by the relay, to have shown up. */
    private static void sleepPastInlinePublication() {
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static String openId() {
        return "act." + UUID.randomUUID().toString().replace("-", "");
    }

    private static String body(String event, String openId, String content) {
        String encodedContent = content.replace("\\", "\\\\").replace("\"", "\\\"");
        return "{\"client_key\":\"" + CLIENT_KEY + "\",\"event\":\"" + event + "\",\"create_time\":1763000000,"
                + "\"user_openid\":\"" + openId + "\",\"content\":\"" + encodedContent + "\"}";
    }

    private static String sign(String body, long timestamp) {
        return "t=" + timestamp + ",s=" + hmac(SECRET, timestamp + "." + body);
    }

    private static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
