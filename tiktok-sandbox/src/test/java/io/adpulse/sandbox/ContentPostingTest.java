package io.adpulse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.sandbox.posting.Mp4;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Direct Post through the sandbox: creator info, chunked upload, pulls, the status progression and webhooks. */
class ContentPostingTest extends SandboxIntegrationTest {

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stopReceiving() {
        sandbox.web().put().uri("/sandbox/webhooks/callback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange().expectStatus().isOk();
        receiver.close();
    }

    @Test
    void creatorInfoAnswersTheOptionsAPostingScreenMustOffer() {
        JsonNode data = call("/v2/post/publish/creator_info/query/", token(0), "{}", HttpStatus.OK).get("data");

        assertThat(data.get("creator_nickname").asString()).isEqualTo("Trailside Tales");
        assertThat(data.get("creator_username").asString()).isEqualTo("trailside.tales");
        assertThat(data.get("creator_avatar_url").asString()).contains("/sandbox/avatars/");
        assertThat(data.get("privacy_level_options").valueStream().map(JsonNode::asString).toList())
                .containsExactly("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR", "SELF_ONLY");
        assertThat(data.get("max_video_post_duration_sec").asInt()).isEqualTo(600);

        JsonNode second = call("/v2/post/publish/creator_info/query/", token(1), "{}", HttpStatus.OK).get("data");
        assertThat(second.get("duet_disabled").asBoolean()).isTrue();
        assertThat(second.get("privacy_level_options").valueStream().map(JsonNode::asString).toList())
                .doesNotContain("PUBLIC_TO_EVERYONE");
    }

    @Test
    void aChunkedUploadIsPublishedAndTheWebhooksAreSignedWithTheAppSecret() {
        callback();
        String token = token(0);
        byte[] video = Mp4.sample(30, 2500);
        JsonNode init = call("/v2/post/publish/video/init/", token, """
                {"post_info":{"title":"Sunrise","privacy_level":"PUBLIC_TO_EVERYONE","disable_duet":false},
                 "source_info":{"source":"FILE_UPLOAD","video_size":2500,"chunk_size":1024,"total_chunk_count":2}}""",
                HttpStatus.OK).get("data");
        String publishId = init.get("publish_id").asString();
        URI upload = URI.create(init.get("upload_url").asString());

        put(upload, Arrays.copyOfRange(video, 0, 1024), "bytes 0-1023/2500", HttpStatus.PARTIAL_CONTENT);
        assertThat(status(token, publishId).get("status").asString()).isEqualTo("PROCESSING_UPLOAD");
        assertThat(status(token, publishId).get("uploaded_bytes").asLong()).isEqualTo(1024);
        put(upload, Arrays.copyOfRange(video, 1024, 2500), "bytes 1024-2499/2500", HttpStatus.CREATED);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(status(token, publishId).get("status").asString()).isEqualTo("PUBLISH_COMPLETE"));
        JsonNode done = status(token, publishId);
        assertThat(publishes(publishId).get("title").asString()).isEqualTo("Sunrise");
        assertThat(publishes(publishId).get("duration_sec").asLong()).isEqualTo(30);
        assertThat(done.get("uploaded_bytes").asLong()).isEqualTo(2500);
        assertThat(done.get("publicaly_available_post_id")).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() >= 2);
        List<WebhookReceiver.Received> hooks = receiver.received();
        assertThat(hooks).allMatch(r -> WebhookSenderTest.verifies(r, SandboxClient.SECRET));
        assertThat(hooks).extracting(r -> SandboxClient.parse(r.body()).get("event").asString())
                .containsExactlyInAnyOrder("post.publish.complete", "post.publish.publicly_available");
        assertThat(hooks).allMatch(r -> SandboxClient.parse(SandboxClient.parse(r.body()).get("content").asString())
                .get("publish_id").asString().equals(publishId));
    }

    @Test
    void aMissingChunkAVideoTooLongAndAnUnreachableUrlFailWithTheirReason() {
        callback();
        String token = token(0);
        String gap = initUpload(token, 2500, 1024, 2, "SELF_ONLY").get("publish_id").asString();
        URI gapUrl = URI.create(uploadUrl);
        put(gapUrl, new byte[1476], "bytes 1024-2499/2500", HttpStatus.BAD_REQUEST);
        assertThat(status(token, gap).get("status").asString()).isEqualTo("FAILED");
        assertThat(status(token, gap).get("fail_reason").asString()).isEqualTo("chunk_missing");

        String tooLong = initUpload(token, 500, 500, 1, "SELF_ONLY").get("publish_id").asString();
        put(URI.create(uploadUrl), Mp4.sample(601, 500), "bytes 0-499/500", HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(status(token, tooLong).get("fail_reason").asString()).isEqualTo("duration_check_failed"));

        String sizes = initUpload(token, 500, 500, 1, "SELF_ONLY").get("publish_id").asString();
        put(URI.create(uploadUrl), new byte[400], "bytes 0-399/400", HttpStatus.BAD_REQUEST);
        assertThat(status(token, sizes).get("fail_reason").asString()).isEqualTo("file_size_mismatch");

        String pulled = call("/v2/post/publish/video/init/", token, """
                {"post_info":{"privacy_level":"SELF_ONLY"},
                 "source_info":{"source":"PULL_FROM_URL","video_url":"http://127.0.0.1:1/nothing.mp4"}}""",
                HttpStatus.OK).get("data").get("publish_id").asString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(status(token, pulled).get("fail_reason").asString()).isEqualTo("video_pull_failed"));

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() >= 4);
        assertThat(receiver.received()).extracting(r -> SandboxClient.parse(r.body()).get("event").asString())
                .containsOnly("post.publish.failed");
    }

    @Test
    void invalidRequestsAreAnsweredInTikToksV2Envelope() {
        String token = token(0);
        assertError(call("/v2/post/publish/video/init/", token, """
                {"post_info":{"title":"x"},"source_info":{"source":"FILE_UPLOAD","video_size":10,"chunk_size":10,
                "total_chunk_count":1}}""", HttpStatus.BAD_REQUEST), "invalid_params", "privacy_level");
        assertError(call("/v2/post/publish/video/init/", token, """
                {"post_info":{"privacy_level":"SELF_ONLY"},"source_info":{"source":"FILE_UPLOAD","video_size":5000,
                "chunk_size":1024,"total_chunk_count":5}}""", HttpStatus.BAD_REQUEST), "invalid_params",
                "total_chunk_count");
        assertError(call("/v2/post/publish/video/init/", token(1), """
                {"post_info":{"privacy_level":"PUBLIC_TO_EVERYONE","disable_duet":true,"disable_stitch":true},
                "source_info":{"source":"PULL_FROM_URL","video_url":"https://example.com/v.mp4"}}""",
                HttpStatus.BAD_REQUEST), "invalid_params", "not one of the creator's options");
        String listOnly = sandbox.creatorToken("user.info.basic,video.list", null);
        assertError(call("/v2/post/publish/creator_info/query/", listOnly, "{}", HttpStatus.UNAUTHORIZED),
                "scope_not_authorized", "scope");
        assertError(call("/v2/post/publish/creator_info/query/", "act.unknown", "{}", HttpStatus.UNAUTHORIZED),
                "access_token_invalid", "invalid");
    }

    @Test
    void initIsLimitedToSixAMinutePerToken() {
        String token = token(0);
        for (int i = 0; i < 6; i++) {
            initUpload(token, 100, 100, 1, "SELF_ONLY");
        }
        assertError(call("/v2/post/publish/video/init/", token, """
                {"post_info":{"privacy_level":"SELF_ONLY"},"source_info":{"source":"FILE_UPLOAD","video_size":100,
                "chunk_size":100,"total_chunk_count":1}}""", HttpStatus.TOO_MANY_REQUESTS), "rate_limit_exceeded",
                "rate limit");
    }

    private String uploadUrl;

    private JsonNode initUpload(String token, long size, long chunk, int chunks, String privacy) {
        JsonNode data = call("/v2/post/publish/video/init/", token, """
                {"post_info":{"privacy_level":"%s"},"source_info":{"source":"FILE_UPLOAD","video_size":%d,
                "chunk_size":%d,"total_chunk_count":%d}}""".formatted(privacy, size, chunk, chunks), HttpStatus.OK)
                .get("data");
        uploadUrl = data.get("upload_url").asString();
        return data;
    }

    private JsonNode publishes(String publishId) {
        for (JsonNode p : sandbox.control("/sandbox/publishes").get("publishes")) {
            if (p.get("publish_id").asString().equals(publishId)) {
                return p;
            }
        }
        throw new AssertionError("no publish " + publishId);
    }

    private void callback() {
        sandbox.web().put().uri("/sandbox/webhooks/callback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", receiver.url().toString())).exchange().expectStatus().isOk();
    }

    private String token(int creator) {
        String openId = sandbox.control("/sandbox/creators").get(creator).get("open_id").asString();
        return sandbox.creatorToken("user.info.basic,video.publish", openId);
    }

    private JsonNode status(String token, String publishId) {
        return call("/v2/post/publish/status/fetch/", token, "{\"publish_id\":\"" + publishId + "\"}", HttpStatus.OK)
                .get("data");
    }

    private void put(URI upload, byte[] chunk, String range, HttpStatus expected) {
        sandbox.web().put().uri(upload.getRawPath() + "?" + upload.getRawQuery())
                .header("Content-Range", range).contentType(MediaType.parseMediaType("video/mp4")).bodyValue(chunk)
                .exchange().expectStatus().isEqualTo(expected);
    }

    private JsonNode call(String path, String token, String body, HttpStatus expected) {
        String answer = sandbox.web().post().uri(path).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(String.class).returnResult().getResponseBody();
        return SandboxClient.parse(answer);
    }

    private static void assertError(JsonNode answer, String code, String messagePart) {
        assertThat(answer.get("error").get("code").asString()).isEqualTo(code);
        assertThat(answer.get("error").get("message").asString()).containsIgnoringCase(messagePart);
        assertThat(answer.get("data")).isEmpty();
    }
}
