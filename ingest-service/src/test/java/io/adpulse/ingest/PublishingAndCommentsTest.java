package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.ingest.comments.TriagedComment;
import io.adpulse.ingest.connection.ConnectionRepository;
import io.adpulse.ingest.media.StoredMedia;
import io.adpulse.events.CommandRequested;
import io.adpulse.events.CommandResult;
import io.adpulse.ingest.posting.PublishRecord;
import io.adpulse.ingest.posting.Publishing;
import io.adpulse.sandbox.posting.Mp4;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * End to end against the TikTok sandbox: uploaded and pulled videos posted to a creator account (now or later) until
 * TikTok says PUBLISH_COMPLETE or FAILED with its reason, a repeated post sent once, and comments polled into the
 * triage queue, replied to and hidden once each.
 */
class PublishingAndCommentsTest extends IngestServiceTestBase {

    @Autowired
    Publishing publishing;
    @Autowired
    ConnectionRepository connections;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    TestSandbox sandbox;

    @BeforeEach
    void sandbox() {
        sandbox = TestSandbox.shared();
        sandbox.callback("http://127.0.0.1:" + port + "/webhooks/tiktok");
    }

    @Test
    void aScheduledPostOfAnUploadedVideoIsSentAtItsTimeInChunksAndReachesPublishComplete() {
        String openId = sandbox.creator(0);
        String connectionId = grantSandboxCreator(openId);
        StoredMedia video = upload(Mp4.sample(30, 2500), "video/mp4");
        assertThat(video.chunkCount()).isEqualTo(3);
        String title = "Trail at dawn " + UUID.randomUUID();
        // far enough ahead that the post is still waiting when the first result is read on a loaded machine (2 s was
        // not: seen as SENDING already)
        Instant at = clock.instant().plusSeconds(10);

        CommandRequested command = publish(connectionId, openId, Map.of("mediaId", video.id(), "title", title,
                "privacyLevel", "PUBLIC_TO_EVERYONE", "scheduledAt", at.toString()), false);

        submit(command);

        eventually().untilAsserted(() -> assertThat(CommandFrameworkTest.results(command.commandId()))
                .extracting(e -> e.data().outcome()).contains(CommandResult.Outcome.IN_PROGRESS));
        assertThat(publishing.find(command.commandId()).block().state()).isEqualTo(PublishRecord.SCHEDULED);
        assertThat(publishesTitled(openId, title)).isEmpty();
        CommandResult result = CommandFrameworkTest.awaitResult(command.commandId());
        assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.SUCCEEDED);
        assertThat(result.actor()).isEqualTo("olivia");
        assertThat(result.after()).containsEntry("state", "PUBLISH_COMPLETE");
        PublishRecord stored = publishing.find(command.commandId()).block();
        PublishRecord done = awaitFinished(stored.id());
        assertThat(done.state()).isEqualTo(PublishRecord.PUBLISH_COMPLETE);
        // a public post: TikTok announces its post id (post.publish.publicly_available, status/fetch)
        eventually().untilAsserted(() -> assertThat(publishing.find(stored.id()).block().postId()).isNotNull());
        assertThat(done.updatedAt()).isAfterOrEqualTo(at);
        List<JsonNode> sent = publishesTitled(openId, title);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("publish_id").asString()).isEqualTo(done.publishId());
        // ingest stores 1 KB chunks; TikTok gets ⌊2500 / 1024⌋ = 2 chunks, the last one with the rest
        assertThat(sent.get(0).get("total_chunk_count").asInt()).isEqualTo(2);
        assertThat(sent.get(0).get("uploaded_bytes").asLong()).isEqualTo(2500);
        assertThat(sent.get(0).get("privacy_level").asString()).isEqualTo("PUBLIC_TO_EVERYONE");
    }

    @Test
    void aVideoLongerThanTheCreatorMayPostFailsWithTikToksReason() {
        String openId = sandbox.creator(0);
        String connectionId = grantSandboxCreator(openId);
        StoredMedia video = upload(Mp4.sample(601, 1500), "video/mp4");

        CommandRequested command = publish(connectionId, openId, Map.of("mediaId", video.id(), "title", "Too long",
                "privacyLevel", "SELF_ONLY"), false);

        submit(command);

        CommandResult result = CommandFrameworkTest.awaitResult(command.commandId());
        assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.FAILED);
        assertThat(result.reason()).isEqualTo("duration_check_failed");
        PublishRecord done = awaitFinished(command.commandId());
        assertThat(done.state()).isEqualTo(PublishRecord.FAILED);
        assertThat(done.failReason()).isEqualTo("duration_check_failed");
        web.get().uri("/api/ingest/publishes/{id}", command.commandId()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.failReason").isEqualTo("duration_check_failed");
    }

    @Test
    void aVideoTikTokCannotPullFailsWithItsReasonAndAPulledOneIsPublished() {
        String openId = sandbox.creator(0);
        String connectionId = grantSandboxCreator(openId);

        CommandRequested pulled = publish(connectionId, openId, Map.of("videoUrl",
                sandbox.url() + "/sandbox/media/sample.mp4?duration_sec=12&size=3000", "privacyLevel", "SELF_ONLY"),
                false);
        CommandRequested unreachable = publish(connectionId, openId, Map.of("videoUrl", "http://127.0.0.1:1/gone.mp4",
                "privacyLevel", "SELF_ONLY"), false);
        submit(pulled);
        submit(unreachable);

        assertThat(awaitFinished(pulled.commandId()).state()).isEqualTo(PublishRecord.PUBLISH_COMPLETE);
        PublishRecord failed = awaitFinished(unreachable.commandId());
        assertThat(failed.state()).isEqualTo(PublishRecord.FAILED);
        assertThat(failed.failReason()).isEqualTo("video_pull_failed");
    }

    @Test
    void aRetriedCommandDoesNotPostTwiceAndADryRunShowsTheExactRequestWithoutSendingIt() {
        String openId = sandbox.creator(0);
        String connectionId = grantSandboxCreator(openId);
        StoredMedia video = upload(Mp4.sample(20, 2100), "video/mp4");
        String title = "Once " + UUID.randomUUID();
        Map<String, Object> parameters = Map.of("mediaId", video.id(), "title", title, "privacyLevel", "SELF_ONLY",
                "disableDuet", true);

        CommandResult dryRun = CommandFrameworkTest.awaitResult(submitted(publish(connectionId, openId, parameters,
                true)));
        assertThat(dryRun.outcome()).isEqualTo(CommandResult.Outcome.DRY_RUN);
        assertThat(dryRun.request().method()).isEqualTo("POST");
        assertThat(dryRun.request().url()).endsWith("/v2/post/publish/video/init/");
        assertThat(dryRun.request().body()).isEqualTo("{\"post_info\":{\"title\":\"" + title + "\",\"privacy_level\":"
                + "\"SELF_ONLY\",\"disable_duet\":true,\"disable_comment\":false,\"disable_stitch\":false},"
                + "\"source_info\":{\"source\":\"FILE_UPLOAD\",\"video_size\":2100,\"chunk_size\":1024,"
                + "\"total_chunk_count\":2}}");

        CommandRequested command = publish(connectionId, openId, parameters, false);
        submit(command);
        submit(command);
        CommandResult result = CommandFrameworkTest.awaitResult(command.commandId());
        submit(command);

        assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.SUCCEEDED);
        eventually().during(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(publishesTitled(openId, title)).hasSize(1);
            assertThat(CommandFrameworkTest.results(command.commandId()).stream().map(e -> e.data().outcome())
                    .filter(CommandResult.Outcome::isFinal).distinct()).containsExactly(CommandResult.Outcome.SUCCEEDED);
        });
    }

    @Test
    void aPostWithoutAPrivacyChoiceOrToAnUnknownVideoIsRejected() {
        String openId = sandbox.creator(0);
        String connectionId = grantSandboxCreator(openId);

        CommandResult noChoice = CommandFrameworkTest.awaitResult(submitted(publish(connectionId, openId,
                Map.of("videoUrl", "https://example.com/v.mp4"), false)));
        CommandResult unknown = CommandFrameworkTest.awaitResult(submitted(publish(connectionId, openId,
                Map.of("mediaId", "no-such-video", "privacyLevel", "SELF_ONLY"), false)));

        assertThat(noChoice.outcome()).isEqualTo(CommandResult.Outcome.REJECTED);
        assertThat(noChoice.reason()).contains("privacyLevel");
        assertThat(unknown.outcome()).isEqualTo(CommandResult.Outcome.REJECTED);
        assertThat(unknown.reason()).contains("no-such-video");
    }

    @Test
    void uploadsAreCheckedForSizeAndType() {
        web.post().uri("/api/ingest/media?fileName=notes.txt").contentType(MediaType.TEXT_PLAIN).bodyValue("hello")
                .exchange().expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("text/plain"));
        web.post().uri("/api/ingest/media?fileName=fake.mp4").contentType(MediaType.parseMediaType("video/mp4"))
                .bodyValue(new byte[2048]).exchange().expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("not a video/mp4"));
        web.post().uri("/api/ingest/media?fileName=big.mp4").contentType(MediaType.parseMediaType("video/mp4"))
                .bodyValue(Mp4.sample(10, 65_537)).exchange().expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("65536"));
        web.post().uri("/api/ingest/media?fileName=clip.mp4").header("X-Adpulse-Roles", "ONCALL")
                .contentType(MediaType.parseMediaType("video/mp4")).bodyValue(Mp4.sample(10, 100))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void newCommentsReachTheQueueAndARepliesAndAHideReachTikTokOnce() {
        String openId = sandbox.creator(1);
        String connectionId = grantSandboxCreator(openId);
        String videoId = sandbox.newestVideo(openId);
        String commentId = sandbox.comment(openId, videoId, "curious.cat", "Which serum is this?");

        eventually().untilAsserted(() -> assertThat(queue("NEW", connectionId))
                .anySatisfy(c -> {
                    assertThat(c.commentId()).isEqualTo(commentId);
                    assertThat(c.text()).isEqualTo("Which serum is this?");
                    assertThat(c.username()).isEqualTo("curious.cat");
                }));

        assertThat(comment(connectionId, openId, "comment.assign", Map.of("commentId", commentId,
                "assignee", "maria")).after()).containsEntry("assignee", "maria");
        assertThat(queue("ASSIGNED", connectionId)).extracting(TriagedComment::commentId).contains(commentId);
        CommandRequested reply = CommandFrameworkTest.command(connectionId, openId, "comment.reply", false,
                Map.of("commentId", commentId, "text", "The vitamin C one, link in bio!"));
        CommandResult dryRun = comment(connectionId, openId, "comment.reply", true, Map.of("commentId", commentId,
                "text", "The vitamin C one, link in bio!"));
        submit(reply);
        CommandResult replied = CommandFrameworkTest.awaitResult(reply.commandId());
        submit(reply);
        CommandResult hidden = comment(connectionId, openId, "comment.hide", Map.of("commentId", commentId));
        CommandResult handled = comment(connectionId, openId, "comment.handled", Map.of("commentId", commentId));

        assertThat(dryRun.outcome()).isEqualTo(CommandResult.Outcome.DRY_RUN);
        assertThat(dryRun.request().url()).endsWith("/open_api/v1.3/business/comment/reply/create/");
        assertThat(dryRun.request().body()).contains("\"comment_id\":\"" + commentId + "\"");
        assertThat(replied.outcome()).isEqualTo(CommandResult.Outcome.SUCCEEDED);
        assertThat(replied.before()).doesNotContainKey("replyId");
        assertThat(replied.after()).containsKey("replyId");
        assertThat(hidden.after()).containsEntry("hidden", true);
        assertThat(handled.request()).isNull();
        assertThat(handled.after()).containsEntry("handled", true).containsEntry("handledBy", "olivia");
        eventually().during(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(sandbox.actions(commentId)).containsExactly("REPLY", "HIDE"));
        String replyId = (String) replied.after().get("replyId");
        assertThat(queue("HANDLED", connectionId)).extracting(TriagedComment::commentId).contains(commentId);
        assertThat(queue("OPEN", connectionId)).extracting(TriagedComment::commentId).doesNotContain(commentId);
        // the creator's own reply is not work for the queue
        eventually().during(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(queue("ALL", connectionId))
                .noneMatch(c -> c.commentId().equals(replyId)));
    }

    private CommandResult comment(String connectionId, String openId, String kind, Map<String, Object> parameters) {
        return comment(connectionId, openId, kind, false, parameters);
    }

    private CommandResult comment(String connectionId, String openId, String kind, boolean dryRun,
            Map<String, Object> parameters) {
        CommandResult result = CommandFrameworkTest.awaitResult(submitted(CommandFrameworkTest.command(connectionId,
                openId, kind, dryRun, parameters)));
        assertThat(result.outcome()).as(result.reason()).isIn(CommandResult.Outcome.SUCCEEDED,
                CommandResult.Outcome.DRY_RUN);
        return result;
    }

    private static CommandRequested publish(String connectionId, String openId, Map<String, Object> parameters,
            boolean dryRun) {
        return CommandFrameworkTest.command(connectionId, openId, "video.publish", dryRun, parameters);
    }

    private String submitted(CommandRequested command) {
        submit(command);
        return command.commandId();
    }

    private List<TriagedComment> queue(String status, String connectionId) {
        return web.get().uri("/api/ingest/comments?status={s}&connectionId={c}", status, connectionId).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<TriagedComment>>() { })
                .returnResult().getResponseBody();
    }

    private String grantSandboxCreator(String openId) {
        String connectionId = "creator-" + UUID.randomUUID();
        grantCreator(connectionId, openId, sandbox.token(openId), clock.instant(), List.of("user.info.basic",
                "video.list", "video.publish", "comment.list", "comment.list.manage"));
        eventually().until(() -> connections.findActiveCreator(connectionId).blockOptional().isPresent());
        return connectionId;
    }

    private StoredMedia upload(byte[] video, String type) {
        return web.post().uri("/api/ingest/media?fileName=clip.mp4").header(ACTOR, "maria")
                .contentType(MediaType.parseMediaType(type)).bodyValue(video)
                .exchange().expectStatus().isCreated().expectBody(StoredMedia.class).returnResult().getResponseBody();
    }

    private PublishRecord awaitFinished(String id) {
        eventually().until(() -> publishing.find(id).block().finished());
        return publishing.find(id).block();
    }

    private List<JsonNode> publishesTitled(String openId, String title) {
        return sandbox.publishes(openId).stream().filter(p -> p.get("title").asString().equals(title)).toList();
    }
}
