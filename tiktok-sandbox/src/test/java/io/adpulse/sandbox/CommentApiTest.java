package io.adpulse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Comments of a creator's videos through the Business API shape: list, a new one, reply and hide. */
class CommentApiTest extends SandboxIntegrationTest {

    @Test
    void listsANewCommentRepliesToItAndHidesIt() {
        String openId = sandbox.control("/sandbox/creators").get(0).get("open_id").asString();
        String token = sandbox.creatorToken("user.info.basic,video.list,comment.list,comment.list.manage", openId);
        String videoId = sandbox.control("/sandbox/ground-truth/organic", "open_id", openId).get("videos").get(0)
                .get("id").asString();
        int seeded = sandbox.get("business/comment/list/", token, "business_id", openId, "video_id", videoId)
                .get("data").get("comments").size();
        assertThat(seeded).isBetween(2, 4);

        String commentId = SandboxClient.parse(sandbox.web().post().uri("/sandbox/comments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("open_id", openId, "video_id", videoId, "username", "newfan", "text", "First!"))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody())
                .get("commentId").asString();
        JsonNode page = sandbox.get("business/comment/list/", token, "business_id", openId, "video_id", videoId,
                "max_count", "1").get("data");
        assertThat(page.get("comments").get(0).get("comment_id").asString()).isEqualTo(commentId);
        assertThat(page.get("has_more").asBoolean()).isTrue();

        JsonNode reply = sandbox.web().post().uri(SandboxClient.API + "business/comment/reply/create/")
                .header("Access-Token", token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("business_id", openId, "video_id", videoId, "comment_id", commentId, "text", "Thanks!"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(reply.get("code").asInt()).isZero();
        assertThat(reply.get("data").get("parent_comment_id").asString()).isEqualTo(commentId);

        JsonNode hidden = sandbox.web().post().uri(SandboxClient.API + "business/comment/hide/")
                .header("Access-Token", token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("business_id", openId, "video_id", videoId, "comment_id", commentId, "action", "HIDE"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(hidden.get("data").get("status").asString()).isEqualTo("HIDDEN");
        assertThat(sandbox.control("/sandbox/comment-actions").get("actions").valueStream()
                .filter(a -> a.get("commentId").asString().equals(commentId)).map(a -> a.get("kind").asString()))
                .containsExactly("REPLY", "HIDE");
    }

    @Test
    void refusesAnotherAccountsVideosAndTokensWithoutTheScope() {
        String openId = sandbox.control("/sandbox/creators").get(0).get("open_id").asString();
        String other = sandbox.control("/sandbox/creators").get(1).get("open_id").asString();
        String listOnly = sandbox.creatorToken("user.info.basic,video.list", openId);
        String token = sandbox.creatorToken("user.info.basic,comment.list", openId);
        String videoId = sandbox.control("/sandbox/ground-truth/organic", "open_id", openId).get("videos").get(0)
                .get("id").asString();

        assertThat(sandbox.get("business/comment/list/", listOnly, "business_id", openId, "video_id", videoId)
                .get("code").asInt()).isEqualTo(40001);
        assertThat(sandbox.get("business/comment/list/", token, "business_id", other, "video_id", videoId)
                .get("code").asInt()).isEqualTo(40001);
        assertThat(sandbox.get("business/comment/list/", token, "business_id", openId, "video_id", "123")
                .get("code").asInt()).isEqualTo(40002);
        assertThat(sandbox.get("business/comment/list/", "act.nope", "business_id", openId, "video_id", videoId)
                .get("code").asInt()).isEqualTo(40105);
    }
}
