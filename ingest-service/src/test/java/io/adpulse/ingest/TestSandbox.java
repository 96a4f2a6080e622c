package io.adpulse.ingest;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing and comment helpers over the TikTok sandbox the suite runs in-process ({@link SandboxTikTok}; the
 * {@link FakeTikTok} forwards Content Posting, chunk uploads, the comment endpoints and the Display API of sandbox
 * creators to it): creator tokens, what the sandbox received, sample videos and comments.
 */
final class TestSandbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile TestSandbox shared;

    private final String url;
    private final WebClient http;

    private TestSandbox(SandboxTikTok sandbox) {
        url = sandbox.root();
        http = WebClient.builder().baseUrl(url).codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    /** The helpers over the suite's sandbox, started if it is not running yet. */
    static synchronized TestSandbox shared() {
        if (shared == null) {
            shared = new TestSandbox(SandboxTikTok.shared());
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
