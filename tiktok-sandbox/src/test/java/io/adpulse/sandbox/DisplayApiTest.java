package io.adpulse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

class DisplayApiTest extends SandboxIntegrationTest {

    private static final String FIELDS = "id,title,cover_image_url,share_url,video_description,duration,create_time,"
            + "like_count,comment_count,share_count,view_count";

    @AfterEach
    void clearFaults() {
        sandbox.web().delete().uri("/sandbox/faults").exchange().expectStatus().isNoContent();
    }

    @Test
    void pagingThroughTheListWithTheCursorAnswersEveryVideoNewestFirstAsTheGroundTruthHasThem() {
        String token = sandbox.creatorToken("user.info.basic,video.list", null);
        String openId = openIdOf(token);

        List<JsonNode> videos = new ArrayList<>();
        long cursor = NOW.toEpochMilli();
        boolean hasMore = true;
        int pages = 0;
        while (hasMore) {
            JsonNode data = call("/v2/video/list/", token, """
                    {"cursor":%d,"max_count":20}""".formatted(cursor), HttpStatus.OK).get("data");
            List<JsonNode> page = data.get("videos").valueStream().toList();
            assertThat(page).hasSizeLessThanOrEqualTo(20);
            if (!page.isEmpty()) {
                assertThat(data.get("cursor").asLong()).isEqualTo(page.get(page.size() - 1).get("create_time").asLong() * 1000);
            }
            videos.addAll(page);
            cursor = data.get("cursor").asLong();
            hasMore = data.get("has_more").asBoolean();
            pages++;
        }
        JsonNode truth = sandbox.control("/sandbox/ground-truth/organic", "open_id", openId);

        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(videos).hasSizeBetween(30, 45).hasSize(truth.get("videos").size());
        assertThat(truth.get("as_of").asString()).isEqualTo(NOW.toString());
        for (int i = 0; i < videos.size(); i++) {
            JsonNode video = videos.get(i);
            JsonNode expected = truth.get("videos").get(i);
            assertThat(video.get("id").isString()).isTrue();
            assertThat(video.get("id").asString()).hasSize(19).isEqualTo(expected.get("id").asString());
            assertThat(new BigInteger(video.get("id").asString())).isGreaterThan(BigInteger.TWO.pow(53));
            assertThat(video.get("create_time").asLong()).isEqualTo(expected.get("create_time").asLong())
                    .isLessThan(NOW.getEpochSecond());
            if (i > 0) {
                assertThat(video.get("create_time").asLong()).isLessThan(videos.get(i - 1).get("create_time").asLong());
            }
            for (String count : List.of("view_count", "like_count", "comment_count", "share_count")) {
                assertThat(video.get(count).asLong()).as(count).isEqualTo(expected.get(count).asLong());
            }
            assertThat(video.get("view_count").asLong()).isPositive();
            assertThat(video.get("share_url").asString()).isEqualTo(expected.get("share_url").asString())
                    .endsWith("/video/" + video.get("id").asString());
            assertThat(video.get("title").asString()).isNotBlank();
            assertThat(video.get("duration").asInt()).isPositive();
        }
        assertThat(videos.get(0).get("create_time").asLong())
                .isGreaterThan(videos.get(videos.size() - 1).get("create_time").asLong() + 30L * 86_400);
    }

    @Test
    void theListAnswersOnlyTheFieldsAskedForAndDefaultsToTenVideosFromNow() {
        String token = sandbox.creatorToken("video.list", null);

        JsonNode answer = SandboxClient.parse(sandbox.web().post().uri("/v2/video/list/?fields=id,view_count")
                .header("Authorization", "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(answer.at("/error/code").asString()).isEqualTo("ok");
        assertThat(answer.at("/error/log_id").asString()).isNotBlank();
        assertThat(answer.at("/data/videos")).hasSize(10);
        assertThat(answer.at("/data/has_more").asBoolean()).isTrue();
        assertThat(answer.at("/data/videos/0").propertyNames()).containsExactly("id", "view_count");
    }

    @Test
    void everyCreatorHasTheirOwnVideos() {
        String first = sandbox.creatorToken("video.list", null);
        JsonNode creators = sandbox.control("/sandbox/ground-truth/organic", "open_id", openIdOf(first));
        String other = sandbox.creatorToken("video.list", secondCreator(openIdOf(first)));

        JsonNode mine = call("/v2/video/list/", first, "{\"max_count\":20}", HttpStatus.OK);
        JsonNode theirs = call("/v2/video/list/", other, "{\"max_count\":20}", HttpStatus.OK);

        assertThat(creators.get("videos").size()).isGreaterThanOrEqualTo(30);
        assertThat(mine.at("/data/videos/0/id").asString()).isNotEqualTo(theirs.at("/data/videos/0/id").asString());
    }

    @Test
    void queryAnswersTheAskedVideosOfTheCreatorAndLeavesOutOthers() {
        String token = sandbox.creatorToken("video.list", null);
        JsonNode listed = call("/v2/video/list/", token, "{\"max_count\":3}", HttpStatus.OK).at("/data/videos");
        String other = sandbox.creatorToken("video.list", secondCreator(openIdOf(token)));
        String foreign = call("/v2/video/list/", other, "{\"max_count\":1}", HttpStatus.OK).at("/data/videos/0/id").asString();

        JsonNode found = call("/v2/video/query/", token, """
                {"filters":{"video_ids":["%s","%s","%s"]}}""".formatted(listed.get(2).get("id").asString(), foreign,
                listed.get(0).get("id").asString()), HttpStatus.OK).at("/data/videos");

        assertThat(found.valueStream().map(v -> v.get("id").asString()))
                .containsExactlyInAnyOrder(listed.get(0).get("id").asString(), listed.get(2).get("id").asString());
        assertThat(found.get(0).get("view_count").asLong()).isPositive();
    }

    @Test
    void badTokensScopesAndParametersAreTikToksStringErrors() {
        String noVideoScope = sandbox.creatorToken("user.info.basic", null);
        String token = sandbox.creatorToken("video.list", null);
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(21, "\"1\"")) + "]";

        assertError(call("/v2/video/list/", null, "{}", HttpStatus.UNAUTHORIZED), "access_token_invalid");
        assertError(call("/v2/video/list/", "act.unknown", "{}", HttpStatus.UNAUTHORIZED), "access_token_invalid");
        assertError(call("/v2/video/query/", noVideoScope, "{\"filters\":{\"video_ids\":[\"1\"]}}",
                HttpStatus.UNAUTHORIZED), "scope_not_authorized");
        assertError(call("/v2/video/list/", token, "{\"max_count\":21}", HttpStatus.BAD_REQUEST), "invalid_params");
        assertError(call("/v2/video/list/", token, "{\"cursor\":\"soon\"}", HttpStatus.BAD_REQUEST), "invalid_params");
        assertError(call("/v2/video/list/", token, "not json", HttpStatus.BAD_REQUEST), "invalid_params");
        assertError(call("/v2/video/query/", token, "{\"filters\":{\"video_ids\":" + tooMany + "}}",
                HttpStatus.BAD_REQUEST), "invalid_params");
        JsonNode noFields = SandboxClient.parse(sandbox.web().post().uri("/v2/video/list/")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody());
        assertError(noFields, "invalid_params");
        assertThat(noFields.at("/error/message").asString()).contains("fields");
    }

    @Test
    void injectedDisplayErrorsAreAnsweredWithTheirStatusAndCallsAreCountedByClientKey() {
        String token = sandbox.creatorToken("video.list", null);
        sandbox.web().delete().uri("/sandbox/calls").exchange().expectStatus().isNoContent();
        inject("{\"path\":\"/v2/video/list/\",\"times\":1,\"error\":\"rate_limit_exceeded\"}", HttpStatus.CREATED);
        inject("{\"path\":\"*\",\"times\":1,\"code\":50000}", HttpStatus.CREATED);

        assertError(call("/v2/video/list/", token, "{}", HttpStatus.TOO_MANY_REQUESTS), "rate_limit_exceeded");
        call("/v2/video/list/", token, "{}", HttpStatus.OK);
        inject("{\"path\":\"/v2/video/query/\",\"http_status\":503}", HttpStatus.CREATED);
        sandbox.web().post().uri("/v2/video/query/?fields=id").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"filters\":{\"video_ids\":[\"1\"]}}")
                .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        JsonNode calls = sandbox.control("/sandbox/calls");
        JsonNode pending = sandbox.control("/sandbox/faults").get("faults");

        assertThat(calls.at("/by_path").get("/v2/video/list/").asLong()).isEqualTo(2);
        assertThat(calls.at("/by_path").get("/v2/video/query/").asLong()).isEqualTo(1);
        assertThat(calls.at("/by_app").get(SandboxClient.APP_ID).asLong()).isEqualTo(3);
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).get("code").asInt()).isEqualTo(50000);
        inject("{\"path\":\"/v2/video/list/\",\"error\":\"no_such_error\"}", HttpStatus.BAD_REQUEST);
        inject("{\"path\":\"/v2/video/list/\",\"error\":\"internal_error\",\"http_status\":503}", HttpStatus.BAD_REQUEST);
    }

    @Test
    void organicGroundTruthNeedsAKnownCreator() {
        sandbox.web().get().uri("/sandbox/ground-truth/organic").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        sandbox.web().get().uri("/sandbox/ground-truth/organic?open_id=nobody").exchange().expectStatus().isNotFound();
    }

    private JsonNode call(String path, String token, String body, HttpStatus expected) {
        String answer = sandbox.web().post().uri(path + "?fields=" + FIELDS)
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(expected)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        return SandboxClient.parse(answer);
    }

    private void inject(String fault, HttpStatus expected) {
        sandbox.web().post().uri("/sandbox/faults").contentType(MediaType.APPLICATION_JSON).bodyValue(fault)
                .exchange().expectStatus().isEqualTo(expected);
    }

    private String openIdOf(String token) {
        String body = sandbox.web().get().uri("/v2/user/info/?fields=open_id").header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return SandboxClient.parse(body).at("/data/user/open_id").asString();
    }

    private String secondCreator(String firstOpenId) {
        String page = sandbox.web().get().uri(SandboxClient.uri("/v2/auth/authorize/", "client_key", SandboxClient.APP_ID,
                        "response_type", "code", "scope", "video.list", "redirect_uri", SandboxClient.REDIRECT,
                        "code_challenge", LoginKitFlowTest.challenge("v".repeat(43)), "code_challenge_method", "S256"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return java.util.regex.Pattern.compile("name=\"open_id\" value=\"([^\"]+)\"").matcher(page).results()
                .map(m -> m.group(1)).filter(id -> !id.equals(firstOpenId)).findFirst().orElseThrow();
    }

    private static void assertError(JsonNode answer, String code) {
        assertThat(answer.at("/error/code").asString()).isEqualTo(code);
        assertThat(answer.at("/error/message").asString()).isNotBlank();
        assertThat(answer.at("/data").isEmpty()).isTrue();
    }
}
