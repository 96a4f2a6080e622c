package io.adpulse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's webhooks as an app receives them: TikTok's body with the double-encoded {@code content}, a signature
 * checked here independently (HMAC-SHA256 with the app secret over {@code t.body}), duplicates and bad signatures on
 * demand, and TikTok's retries when the app does not answer 2xx.
 */
class WebhookSenderTest extends SandboxIntegrationTest {

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stop() {
        callback(null);
        receiver.close();
    }

    @Test
    void sendsTikToksBodyWithContentAsAJsonStringSignedWithTheAppSecret() {
        callback(receiver.url().toString());

        JsonNode answer = send(Map.of("event", "post.publish.complete", "user_openid", "act.creator1",
                "content", Map.of("publish_id", "v_pub_file~v2.123", "publish_type", "DIRECT_POST")));

        assertThat(answer.get(0).get("status").asInt()).isEqualTo(200);
        WebhookReceiver.Received received = receiver.received().get(0);
        JsonNode body = SandboxClient.parse(received.body());
        assertThat(body.get("client_key").asString()).isEqualTo(SandboxClient.APP_ID);
        assertThat(body.get("event").asString()).isEqualTo("post.publish.complete");
        assertThat(body.get("create_time").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(body.get("user_openid").asString()).isEqualTo("act.creator1");
        assertThat(body.get("content").isString()).as("content is double-encoded").isTrue();
        assertThat(SandboxClient.parse(body.get("content").asString()).get("publish_id").asString())
                .isEqualTo("v_pub_file~v2.123");
        assertThat(verifies(received, SandboxClient.SECRET)).isTrue();
        assertThat(received.signature()).startsWith("t=" + NOW.getEpochSecond() + ",s=");
    }

    @Test
    void sendsDuplicatesAndBadStaleOrMissingSignaturesOnDemand() {
        callback(receiver.url().toString());

        send(Map.of("event", "authorization.removed", "user_openid", "act.dup", "content", Map.of("reason", 1),
                "copies", 3));
        send(Map.of("event", "authorization.removed", "user_openid", "act.bad", "signature", "BAD"));
        send(Map.of("event", "authorization.removed", "user_openid", "act.stale", "signature", "STALE"));
        send(Map.of("event", "authorization.removed", "user_openid", "act.none", "signature", "MISSING"));

        List<WebhookReceiver.Received> all = receiver.received();
        assertThat(all).hasSize(6);
        assertThat(all.subList(0, 3)).extracting(WebhookReceiver.Received::body).containsOnly(all.get(0).body());
        assertThat(all.subList(0, 3)).allMatch(r -> verifies(r, SandboxClient.SECRET));
        assertThat(verifies(all.get(3), SandboxClient.SECRET)).isFalse();
        assertThat(verifies(all.get(4), SandboxClient.SECRET)).as("signed correctly, but 10 minutes ago").isTrue();
        assertThat(all.get(4).signature()).startsWith("t=" + (NOW.getEpochSecond() - 600) + ",");
        assertThat(all.get(5).signature()).isNull();
    }

    @Test
    void retriesLikeTikTokUntilTheAppAnswers2xx() {
        callback(receiver.answering(503, 500).url().toString());

        sandbox.web().post().uri("/sandbox/creators/{openId}/deauthorize?reason=2", firstCreator()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.webhook").isEqualTo("sending");

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 3);
        assertThat(receiver.received()).allMatch(r -> verifies(r, SandboxClient.SECRET));
        JsonNode attempts = sandbox.control("/sandbox/webhooks").get("attempts");
        List<Integer> statuses = new java.util.ArrayList<>();
        attempts.forEach(a -> {
            if (a.get("userOpenId").asString().equals(firstCreator()) && !a.get("status").isNull()) {
                statuses.add(a.get("status").asInt());
            }
        });
        assertThat(statuses).endsWith(503, 500, 200);
        assertThat(sandbox.control("/sandbox/webhooks").toString()).doesNotContain(SandboxClient.SECRET);
    }

    @Test
    void refusesToSendWithoutACallbackAndRefusesUnknownCreators() {
        sandbox.web().post().uri("/sandbox/webhooks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("event", "authorization.removed")).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        sandbox.web().post().uri("/sandbox/creators/act.nobody/deauthorize").exchange()
                .expectStatus().isNotFound();
        sandbox.web().put().uri("/sandbox/webhooks/callback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "file:///etc/passwd")).exchange()
                .expectStatus().isBadRequest();
    }

    private String firstCreator() {
        return sandbox.control("/sandbox/creators").get(0).get("open_id").asString();
    }

    private JsonNode send(Map<String, Object> request) {
        String body = sandbox.web().post().uri("/sandbox/webhooks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return SandboxClient.parse(body);
    }

    private void callback(String url) {
        sandbox.web().put().uri("/sandbox/webhooks/callback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(url == null ? Map.of() : Map.of("url", url)).exchange()
                .expectStatus().isOk();
    }

    /** TikTok's documented check, written independently of the sandbox's signer. */
    static boolean verifies(WebhookReceiver.Received received, String secret) {
        if (received.signature() == null) {
            return false;
        }
        String t = received.signature().replaceAll("^t=([0-9]+),s=.*$", "$1");
        String s = received.signature().replaceAll("^.*,s=([0-9a-f]+)$", "$1");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + received.body())
                    .getBytes(StandardCharsets.UTF_8)));
            return expected.equals(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
