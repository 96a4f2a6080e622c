package io.adpulse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The write endpoints: creates and changes are listed by the next {@code .../get/} call, and TikTok's validation errors
 * come back in its envelope. Works on the JPY advertiser (minimum daily budgets 7000 and 2800) and mostly on entities it
 * creates itself, so the seeded figures other tests compare stay as they are.
 */
class WriteApiTest extends SandboxIntegrationTest {

    private String token;
    private String advertiserId;

    @BeforeEach
    void connect() {
        token = sandbox.token();
        advertiserId = sandbox.advertisers().stream().filter(a -> a.get("currency").asString().equals("JPY"))
                .findFirst().orElseThrow().get("advertiser_id").asString();
    }

    @Test
    void aCreatedCampaignIsListedAndItsChangesAppearInTheNextListing() {
        String campaignId = createCampaign("Winter launch " + UUID.randomUUID(), "8000");
        String adGroupId = ok("adgroup/create/", "{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_id\":\"" + campaignId
                + "\",\"adgroup_name\":\"Tokyo\",\"budget_mode\":\"BUDGET_MODE_DAY\",\"budget\":3000,\"billing_event\":\"CPC\","
                + "\"optimization_goal\":\"CLICK\",\"schedule_type\":\"SCHEDULE_FROM_NOW\","
                + "\"schedule_start_time\":\"2026-11-20 00:00:00\"}").get("adgroup_id").asString();
        JsonNode adIds = ok("ad/create/", "{\"advertiser_id\":\"" + advertiserId + "\",\"adgroup_id\":\"" + adGroupId
                + "\",\"creatives\":[{\"ad_name\":\"Snow\",\"ad_text\":\"Warm boots\",\"ad_format\":\"SINGLE_VIDEO\","
                + "\"video_id\":\"v123\"}]}").get("ad_ids");
        assertThat(campaign(campaignId).get("budget").asInt()).isEqualTo(8000);
        assertThat(campaign(campaignId).get("secondary_status").asString()).isEqualTo("CAMPAIGN_STATUS_ENABLE");
        assertThat(listed("adgroup/get/", "adgroup_ids", adGroupId).get("campaign_id").asString()).isEqualTo(campaignId);
        assertThat(listed("ad/get/", "ad_ids", adIds.get(0).asString()).get("secondary_status").asString())
                .isEqualTo("AD_STATUS_DELIVERY_OK");

        JsonNode updated = ok("campaign/update/", "{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_id\":\""
                + campaignId + "\",\"budget\":9500}");
        assertThat(updated.get("budget").asInt()).isEqualTo(9500);
        assertThat(campaign(campaignId).get("budget").asInt()).isEqualTo(9500);

        ok("campaign/status/update/", status(campaignId, "DISABLE"));
        assertThat(campaign(campaignId).get("operation_status").asString()).isEqualTo("DISABLE");
        assertThat(campaign(campaignId).get("secondary_status").asString()).isEqualTo("CAMPAIGN_STATUS_DISABLE");
        assertThat(listed("adgroup/get/", "adgroup_ids", adGroupId).get("secondary_status").asString())
                .isEqualTo("ADGROUP_STATUS_CAMPAIGN_DISABLE");

        ok("campaign/status/update/", status(campaignId, "DELETE"));
        assertThat(sandbox.get("campaign/get/", token, "advertiser_id", advertiserId, "page_size", "1000")
                .get("data").get("list").valueStream().map(c -> c.get("campaign_id").asString())).doesNotContain(campaignId);
        assertThat(campaign(campaignId).get("secondary_status").asString()).isEqualTo("CAMPAIGN_STATUS_DELETE");
        assertThat(listed("ad/get/", "ad_ids", adIds.get(0).asString()).get("secondary_status").asString())
                .isEqualTo("AD_STATUS_DELETE");
        JsonNode revive = sandbox.post("campaign/status/update/", token, status(campaignId, "ENABLE"));
        assertThat(revive.get("code").asInt()).isEqualTo(40002);
        assertThat(revive.get("message").asString()).contains("has been deleted");
        assertThat(sandbox.post("campaign/update/", token, "{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_id\":\""
                + campaignId + "\",\"budget\":9900}").get("code").asInt()).isEqualTo(40002);
    }

    @Test
    void aSeededCampaignsBudgetChangeIsListed() {
        JsonNode seeded = sandbox.get("campaign/get/", token, "advertiser_id", advertiserId, "page_size", "1000")
                .get("data").get("list").valueStream()
                .filter(c -> c.get("budget_mode").asString().equals("BUDGET_MODE_DAY")
                        && c.get("operation_status").asString().equals("ENABLE"))
                .findFirst().orElseThrow();
        String campaignId = seeded.get("campaign_id").asString();
        int budget = seeded.get("budget").asInt() + 1000;

        ok("campaign/update/", "{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_id\":\"" + campaignId
                + "\",\"budget\":" + budget + "}");

        JsonNode after = campaign(campaignId);
        assertThat(after.get("budget").asInt()).isEqualTo(budget);
        assertThat(after.get("campaign_name").asString()).isEqualTo(seeded.get("campaign_name").asString());
        assertThat(after.get("secondary_status").asString()).isEqualTo(seeded.get("secondary_status").asString());
    }

    @Test
    void answersTikToksValidationErrors() {
        String campaignId = createCampaign("Validation " + UUID.randomUUID(), "7000");
        String low = "{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_id\":\"" + campaignId + "\",\"budget\":6999}";
        assertError("campaign/update/", low, 40002, "budget: The budget must be at least 7000.");
        assertError("campaign/update/", "{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_id\":\"42\",\"budget\":8000}",
                40007, "campaign 42 does not exist");
        assertError("campaign/create/", "{\"advertiser_id\":\"" + advertiserId + "\",\"objective_type\":\"TRAFFIC\","
                + "\"budget_mode\":\"BUDGET_MODE_DAY\",\"budget\":8000}", 40002, "campaign_name: Missing data");
        assertError("campaign/create/", "{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_name\":\"x\","
                + "\"objective_type\":\"WINNING\",\"budget_mode\":\"BUDGET_MODE_DAY\",\"budget\":8000}", 40002,
                "objective_type: Must be one of");
        assertError("campaign/status/update/", status(campaignId, "PAUSE"), 40002, "operation_status: Must be one of");
        String many = String.join(",", java.util.Collections.nCopies(21, "\"" + campaignId + "\""));
        assertError("campaign/status/update/", "{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_ids\":[" + many
                + "],\"operation_status\":\"DISABLE\"}", 40011, "at most 20");
        assertError("adgroup/create/", "{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_id\":\"" + campaignId
                + "\",\"adgroup_name\":\"x\",\"budget_mode\":\"BUDGET_MODE_DAY\",\"budget\":100}", 40002,
                "budget: The budget must be at least 2800.");
        assertError("ad/create/", "{\"advertiser_id\":\"" + advertiserId + "\",\"adgroup_id\":\"1\"}", 40007,
                "adgroup 1 does not exist");
        assertThat(sandbox.post("campaign/update/", low).get("code").asInt()).isEqualTo(40104);
        String name = "Taken " + UUID.randomUUID();
        createCampaign(name, "7000");
        assertError("campaign/create/", "{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_name\":\"" + name
                + "\",\"objective_type\":\"TRAFFIC\",\"budget_mode\":\"BUDGET_MODE_DAY\",\"budget\":8000}", 40002,
                "already exists");
    }

    private String createCampaign(String name, String budget) {
        return ok("campaign/create/", "{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_name\":\"" + name
                + "\",\"objective_type\":\"TRAFFIC\",\"budget_mode\":\"BUDGET_MODE_DAY\",\"budget\":" + budget + "}")
                .get("campaign_id").asString();
    }

    private String status(String campaignId, String status) {
        return "{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_ids\":[\"" + campaignId + "\"],"
                + "\"operation_status\":\"" + status + "\"}";
    }

    private JsonNode ok(String endpoint, String body) {
        JsonNode answer = sandbox.post(endpoint, token, body);
        assertThat(answer.get("code").asInt()).as(answer.toString()).isZero();
        assertThat(answer.get("request_id").asString()).isNotBlank();
        return answer.get("data");
    }

    private void assertError(String endpoint, String body, int code, String message) {
        JsonNode answer = sandbox.post(endpoint, token, body);
        assertThat(answer.get("code").asInt()).as(answer.toString()).isEqualTo(code);
        assertThat(answer.get("message").asString()).contains(message);
        assertThat(answer.get("data").isEmpty()).isTrue();
    }

    private JsonNode campaign(String campaignId) {
        return listed("campaign/get/", "campaign_ids", campaignId);
    }

    /** The one entity with this id, deleted ones included. */
    private JsonNode listed(String endpoint, String idsKey, String id) {
        String level = endpoint.substring(0, endpoint.indexOf('/')).toUpperCase();
        JsonNode list = sandbox.get(endpoint, token, "advertiser_id", advertiserId, "filtering",
                "{\"" + idsKey + "\":[\"" + id + "\"],\"secondary_status\":\"" + level + "_STATUS_ALL\"}")
                .get("data").get("list");
        assertThat(list).hasSize(1);
        return list.get(0);
    }

}
