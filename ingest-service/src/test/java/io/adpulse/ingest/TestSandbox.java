package io.adpulse.ingest;

import io.adpulse.sandbox.TikTokSandboxApplication;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The TikTok sandbox in this JVM (one per JVM, started on first use), for end-to-end tests of publishing and
 * comments: the {@link FakeTikTok} forwards what it does not imitate to it. Its clock is pinned at the service
 * clock's instant when it starts, so the webhooks it signs are fresh for the service (whose test clock runs days
 * behind the real one); small chunks (1 KB) and a short processing delay keep uploads and publishes quick.
 */
final class TestSandbox {

    static final String APP_ID = "sandbox-app";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile TestSandbox shared;

    private final ConfigurableApplicationContext context;
    private final String url;
    private final WebClient http;

    private TestSandbox(Instant now) {
        context = TikTokSandboxApplication.start(0, Map.of(
                TikTokSandboxApplication.APP_ID, APP_ID,
                TikTokSandboxApplication.APP_SECRET, "sandbox-secret",
                TikTokSandboxApplication.FIXED_CLOCK, now.toString(),
                "adpulse.sandbox.posting.min-chunk-size", "1024",
                "adpulse.sandbox.posting.processing-delay", "300ms",
                "spring.main.banner-mode", "off"));
        url = "http://127.0.0.1:" + TikTokSandboxApplication.port(context);
        http = WebClient.builder().baseUrl(url).codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        FakeTikTok.shared().forwardToSandbox(url);
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
    }

    /** The sandbox, started with its clock at {@code now} if it is not running yet. */
    static synchronized TestSandbox startedAt(Instant now) {
        if (shared == null) {
            shared = new TestSandbox(now);
        }
        return shared;
    }

    String url() {
        return url;
    }

    /** The open id of sandbox creator {@code index} (0 or 1). */
    String creator(int index) {
        return get("/sandbox/creators").get(index).get("open_id").asString();
    }

    /** A fresh access token of the creator with every scope publishing and comments need. */
    String token(String openId) {
        return post("/sandbox/creator-tokens", Map.of("open_id", openId)).get("access_token").asString();
    }

    void callback(String webhookUrl) {
        http.put().uri("/sandbox/webhooks/callback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", webhookUrl)).retrieve().toBodilessEntity().block();
    }

    /** The publishes the sandbox received for the creator, oldest first. */
    List<JsonNode> publishes(String openId) {
        return get("/sandbox/publishes").get("publishes").valueStream()
                .filter(p -> p.get("open_id").asString().equals(openId)).toList();
    }

    /** The creator's newest video id. */
    String newestVideo(String openId) {
        return get("/sandbox/ground-truth/organic?open_id=" + openId).get("videos").get(0).get("id").asString();
    }

    /** A viewer's new comment on the video; its comment id. */
    String comment(String openId, String videoId, String username, String text) {
        return post("/sandbox/comments", Map.of("open_id", openId, "video_id", videoId, "username", username,
                "text", text)).get("commentId").asString();
    }

    /** The replies and hides the sandbox received for the comment, in order ("REPLY", "HIDE"). */
    List<String> actions(String commentId) {
        return get("/sandbox/comment-actions").get("actions").valueStream()
                .filter(a -> a.get("commentId").asString().equals(commentId)).map(a -> a.get("kind").asString())
                .toList();
    }

    JsonNode get(String path) {
        return JSON.readTree(http.get().uri(path).retrieve().bodyToMono(String.class).block());
    }

    private JsonNode post(String path, Object body) {
        return JSON.readTree(http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).retrieve()
                .bodyToMono(String.class).block());
    }
}
