package io.adpulse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Spark Ads: a creator's code for a post is authorized by the advertiser, the post is described and listed, and an ad
 * can use it as its creative; TikTok's validation errors for codes that are unknown, expired or already used, and for
 * an ad naming a post that is not authorized. Works on the GBP advertiser and creator 2's posts, so other tests' figures
 * stay as they are.
 */
class SparkApiTest extends SandboxIntegrationTest {

    private String token;
    private String advertiserId;
    private String openId;

    @BeforeEach
    void connect() {
        token = sandbox.token();
        advertiserId = sandbox.advertisers().stream().filter(a -> a.get("currency").asString().equals("GBP"))
                .findFirst().orElseThrow().get("advertiser_id").asString();
        openId = sandbox.control("/sandbox/creators").get(1).get("open_id").asString();
    }

    @Test
    void anAuthorizedPostIsDescribedListedAndRunsAsASparkAd() {
        JsonNode code = newCode(2);
        String itemId = code.get("item_id").asString();

        JsonNode before = sandbox.get("tt_video/info/", token, "advertiser_id", advertiserId, "auth_code",
                code.get("auth_code").asString()).get("data");
        assertThat(before.get("auth_info").get("ad_auth_status").asString()).isEqualTo("NOT_AUTHORIZED");
        JsonNode authorized = ok("tt_video/authorize/", authorize(code));
        assertThat(authorized.get("item_id").asString()).isEqualTo(itemId);
        assertThat(authorized.get("identity_type").asString()).isEqualTo("AUTH_CODE");
        String identityId = authorized.get("identity_id").asString();

        JsonNode info = sandbox.get("tt_video/info/", token, "advertiser_id", advertiserId, "auth_code",
                code.get("auth_code").asString()).get("data");
        assertThat(info.get("item_info").get("item_id").asString()).isEqualTo(itemId);
        assertThat(info.get("item_info").get("text").asString()).contains("@glowwithmai");
        assertThat(info.get("user_info").get("display_name").asString()).isEqualTo("Glow With Mai");
        assertThat(info.get("user_info").get("identity_id").asString()).isEqualTo(identityId);
        assertThat(info.get("auth_info").get("ad_auth_status").asString()).isEqualTo("AUTHORIZED");
        assertThat(info.get("auth_info").get("auth_end_time").asString()).isEqualTo("2026-04-17 10:30:00");
        JsonNode listed = sandbox.get("tt_video/list/", token, "advertiser_id", advertiserId, "page_size", "100")
                .get("data").get("list");
        assertThat(listed.valueStream().map(p -> p.get("item_info").get("item_id").asString())).contains(itemId);

        String adGroupId = adGroup();
        JsonNode ad = ok("ad/create/", "{\"advertiser_id\":\"" + advertiserId + "\",\"adgroup_id\":\"" + adGroupId
                + "\",\"creatives\":[{\"ad_name\":\"Spark\",\"ad_format\":\"SINGLE_VIDEO\",\"identity_type\":"
                + "\"AUTH_CODE\",\"identity_id\":\"" + identityId + "\",\"tiktok_item_id\":\"" + itemId + "\"}]}");
        String adId = ad.get("ad_ids").get(0).asString();
        JsonNode listedAd = sandbox.get("ad/get/", token, "advertiser_id", advertiserId, "filtering",
                "{\"ad_ids\":[\"" + adId + "\"]}").get("data").get("list").get(0);
        assertThat(listedAd.get("tiktok_item_id").asString()).isEqualTo(itemId);
    }

    @Test
    void codesThatAreUnknownExpiredOrAlreadyUsedAreRefusedWithTheReason() {
        assertError("tt_video/authorize/", "{\"advertiser_id\":\"" + advertiserId + "\",\"auth_code\":\"#nope\"}",
                "does not exist");
        JsonNode expired = newCode(3);
        sandbox.control("/sandbox/spark-codes/expire", "{\"auth_code\":\"" + expired.get("auth_code").asString()
                + "\"}", 204);
        assertError("tt_video/authorize/", authorize(expired), "has expired");
        JsonNode twice = newCode(4);
        ok("tt_video/authorize/", authorize(twice));
        assertError("tt_video/authorize/", authorize(twice), "has already been authorized");
        assertThat(sandbox.get("tt_video/info/", token, "advertiser_id", advertiserId, "auth_code",
                expired.get("auth_code").asString()).get("code").asInt()).isEqualTo(40002);
    }

    @Test
    void anAdMayOnlyUseAPostAuthorizedForItsAdvertiserWhileTheCodeIsValid() {
        String adGroupId = adGroup();
        JsonNode never = newCode(5);
        String identityId = ok("tt_video/authorize/", authorize(newCode(6))).get("identity_id").asString();
        assertError("ad/create/", sparkAd(adGroupId, never.get("item_id").asString(), identityId),
                "is not authorized for advertiser " + advertiserId);

        JsonNode lapsing = newCode(7);
        ok("tt_video/authorize/", authorize(lapsing));
        sandbox.control("/sandbox/spark-codes/expire", "{\"auth_code\":\"" + lapsing.get("auth_code").asString()
                + "\"}", 204);
        assertError("ad/create/", sparkAd(adGroupId, lapsing.get("item_id").asString(), identityId), "has expired");
        assertError("ad/create/", sparkAd(adGroupId, lapsing.get("item_id").asString(), identityId)
                .replace("AUTH_CODE", "TT_USER"), "identity_type");
    }

    private String sparkAd(String adGroupId, String itemId, String identityId) {
        return "{\"advertiser_id\":\"" + advertiserId + "\",\"adgroup_id\":\"" + adGroupId + "\",\"creatives\":[{"
                + "\"ad_name\":\"Spark\",\"ad_format\":\"SINGLE_VIDEO\",\"identity_type\":\"AUTH_CODE\","
                + "\"identity_id\":\"" + identityId + "\",\"tiktok_item_id\":\"" + itemId + "\"}]}";
    }

    /** A 30-day code for creator 2's post number {@code n} (newest first). */
    private JsonNode newCode(int n) {
        String itemId = sandbox.control("/sandbox/ground-truth/organic", "open_id", openId).get("videos").get(n)
                .get("id").asString();
        return sandbox.control("/sandbox/spark-codes", "{\"open_id\":\"" + openId + "\",\"item_id\":\"" + itemId
                + "\",\"days\":30}", 201);
    }

    private String authorize(JsonNode code) {
        return "{\"advertiser_id\":\"" + advertiserId + "\",\"auth_code\":\"" + code.get("auth_code").asString()
                + "\"}";
    }

    private String adGroup() {
        String campaignId = ok("campaign/create/", "{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_name\":\"Spark "
                + UUID.randomUUID() + "\",\"objective_type\":\"VIDEO_VIEWS\",\"budget_mode\":\"BUDGET_MODE_DAY\","
                + "\"budget\":60}").get("campaign_id").asString();
        return ok("adgroup/create/", "{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_id\":\"" + campaignId
                + "\",\"adgroup_name\":\"Fans\",\"budget_mode\":\"BUDGET_MODE_DAY\",\"budget\":25,\"billing_event\":"
                + "\"CPM\",\"optimization_goal\":\"VIDEO_VIEW\",\"schedule_type\":\"SCHEDULE_FROM_NOW\","
                + "\"schedule_start_time\":\"2026-03-18 11:00:00\"}").get("adgroup_id").asString();
    }

    private JsonNode ok(String endpoint, String body) {
        JsonNode answer = sandbox.post(endpoint, token, body);
        assertThat(answer.get("code").asInt()).as(answer.toString()).isZero();
        return answer.get("data");
    }

    private void assertError(String endpoint, String body, String message) {
        JsonNode answer = sandbox.post(endpoint, token, body);
        assertThat(answer.get("code").asInt()).as(answer.toString()).isEqualTo(40002);
        assertThat(answer.get("message").asString()).contains(message);
        assertThat(answer.get("data").isEmpty()).isTrue();
    }
}
