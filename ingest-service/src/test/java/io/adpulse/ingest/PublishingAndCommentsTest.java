package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.ingest.comments.CommentTriage;
import io.adpulse.ingest.comments.TriagedComment;
import io.adpulse.ingest.connection.ConnectionRepository;
import io.adpulse.ingest.media.StoredMedia;
import io.adpulse.ingest.posting.NewPost;
import io.adpulse.ingest.posting.PublishRecord;
import io.adpulse.ingest.posting.Publishing;
import io.adpulse.sandbox.posting.Mp4;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    CommentTriage triage;
    @Autowired
    ConnectionRepository connections;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    TestSandbox sandbox;

    @BeforeEach
    void sandbox() {
        sandbox = TestSandbox.startedAt(clock.instant());
        sandbox.callback("http://127.0.0.1:" + port + "/webhooks/tiktok");
    }

    @Test
    void aScheduledPostOfAnUploadedVideoIsSentAtItsTimeInChunksAndReachesPublishComplete() {
        String openId = sandbox.creator(0);
        String connectionId = grantSandboxCreator(openId);
        StoredMedia video = upload(Mp4.sample(30, 2500), "video/mp4");
        assertThat(video.chunkCount()).isEqualTo(3);
        String title = "Trail at dawn " + UUID.randomUUID();
        Instant at = clock.instant().plusSeconds(2);

        NewPost post = post(connectionId, video.id(), null, title, at);
        PublishRecord stored = publishing.submit(new NewPost(post.id(), connectionId, video.id(), null, title,
                "PUBLIC_TO_EVERYONE", false, false, false, at, "maria")).block();

        assertThat(stored.state()).isEqualTo(PublishRecord.SCHEDULED);
        assertThat(publishesTitled(openId, title)).isEmpty();
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

        PublishRecord stored = publishing.submit(post(connectionId, video.id(), null, "Too long", null)).block();

        PublishRecord done = awaitFinished(stored.id());
        assertThat(done.state()).isEqualTo(PublishRecord.FAILED);
        assertThat(done.failReason()).isEqualTo("duration_check_failed");
        web.get().uri("/api/ingest/publishes/{id}", stored.id()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.failReason").isEqualTo("duration_check_failed");
    }

    @Test
    void aVideoTikTokCannotPullFailsWithItsReasonAndAPulledOneIsPublished() {
        String openId = sandbox.creator(0);
        String connectionId = grantSandboxCreator(openId);

        PublishRecord pulled = publishing.submit(post(connectionId, null,
                sandbox.url() + "/sandbox/media/sample.mp4?duration_sec=12&size=3000", "Pulled", null)).block();
        PublishRecord unreachable = publishing.submit(post(connectionId, null, "http://127.0.0.1:1/gone.mp4",
                "Unreachable", null)).block();

        assertThat(awaitFinished(pulled.id()).state()).isEqualTo(PublishRecord.PUBLISH_COMPLETE);
        PublishRecord failed = awaitFinished(unreachable.id());
        assertThat(failed.state()).isEqualTo(PublishRecord.FAILED);
        assertThat(failed.failReason()).isEqualTo("video_pull_failed");
    }

    @Test
    void submittingTheSamePostAgainDoesNotPostTwice() {
        String openId = sandbox.creator(0);
        String connectionId = grantSandboxCreator(openId);
        StoredMedia video = upload(Mp4.sample(20, 900), "video/mp4");
        String title = "Once " + UUID.randomUUID();
        NewPost post = post(connectionId, video.id(), null, title, null);

        PublishRecord first = publishing.submit(post).block();
        awaitFinished(first.id());
        PublishRecord again = publishing.submit(post).block();

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.state()).isEqualTo(PublishRecord.PUBLISH_COMPLETE);
        eventually().during(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(publishesTitled(openId, title)).hasSize(1));
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

        triage.assign(commentId, "maria").block();
        assertThat(queue("ASSIGNED", connectionId)).extracting(TriagedComment::commentId).contains(commentId);
        CommentTriage.Change replied = triage.reply(commentId, "The vitamin C one, link in bio!").block();
        CommentTriage.Change hidden = triage.hide(commentId, true).block();
        triage.handled(commentId, true, "maria").block();

        assertThat(replied.after().replyId()).isNotNull();
        assertThat(hidden.after().hidden()).isTrue();
        assertThat(sandbox.actions(commentId)).containsExactly("REPLY", "HIDE");
        assertThat(queue("HANDLED", connectionId)).extracting(TriagedComment::commentId).contains(commentId);
        assertThat(queue("OPEN", connectionId)).extracting(TriagedComment::commentId).doesNotContain(commentId);
        // the creator's own reply is not work for the queue
        eventually().during(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(queue("ALL", connectionId))
                .noneMatch(c -> c.commentId().equals(replied.after().replyId())));
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

    private static NewPost post(String connectionId, String mediaId, String url, String title, Instant at) {
        return new NewPost(UUID.randomUUID().toString(), connectionId, mediaId, url, title, "SELF_ONLY", false, false,
                false, at, "maria");
    }

    private PublishRecord awaitFinished(String id) {
        eventually().until(() -> publishing.find(id).block().finished());
        return publishing.find(id).block();
    }

    private List<JsonNode> publishesTitled(String openId, String title) {
        return sandbox.publishes(openId).stream().filter(p -> p.get("title").asString().equals(title)).toList();
    }
}
