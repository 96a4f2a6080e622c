package io.adpulse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class EntityApiTest extends SandboxIntegrationTest {

    private String token;
    private List<JsonNode> advertisers;

    @BeforeEach
    void connect() {
        token = sandbox.token();
        advertisers = sandbox.advertisers();
    }

    @Test
    void advertiserInfoGivesTikTokTimezoneAndIanaDisplayTimezone() {
        JsonNode answer = sandbox.get("advertiser/info/", token, "advertiser_ids", idsJson(advertisers));

        assertThat(answer.get("code").asInt()).isZero();
        Map<String, String> zones = answer.get("data").get("list").valueStream().collect(Collectors.toMap(
                a -> a.get("currency").asString(), a -> a.get("timezone").asString() + " " + a.get("display_timezone").asString()));
        assertThat(zones).containsOnly(Map.entry("USD", "Etc/GMT+8 America/Los_Angeles"),
                Map.entry("GBP", "Etc/GMT Europe/London"), Map.entry("JPY", "Etc/GMT-9 Asia/Tokyo"));
        JsonNode first = answer.get("data").get("list").get(0);
        assertThat(first.get("advertiser_id").isString()).isTrue();
        assertThat(first.get("create_time").isIntegralNumber()).isTrue();
        assertThat(first.get("status").asString()).isEqualTo("STATUS_ENABLE");
        assertThat(answer.get("data").has("page_info")).isFalse();
    }

    @Test
    void advertiserInfoReturnsOnlyTheRequestedFields() {
        JsonNode answer = sandbox.get("advertiser/info/", token, "advertiser_ids", idsJson(advertisers.subList(0, 1)),
                "fields", "[\"name\",\"currency\"]");

        JsonNode only = answer.get("data").get("list").get(0);
        assertThat(only.propertyNames()).containsExactly("name", "currency");
    }

    @Test
    void advertiserInfoRejectsMoreThanAHundredIdsMalformedIdsAndForeignAdvertisers() {
        String tooMany = IntStream.range(0, 101).mapToObj(i -> "\"7" + i + "\"").collect(Collectors.joining(",", "[", "]"));
        String narrowToken = sandbox.token(advertisers.get(0).get("advertiser_id").asString());

        assertThat(sandbox.get("advertiser/info/", token, "advertiser_ids", tooMany).get("code").asInt()).isEqualTo(40011);
        assertThat(sandbox.get("advertiser/info/", token, "advertiser_ids", "7351,7352").get("code").asInt()).isEqualTo(40002);
        assertThat(sandbox.get("advertiser/info/", token).get("code").asInt()).isEqualTo(40002);
        assertThat(sandbox.get("advertiser/info/", narrowToken, "advertiser_ids", idsJson(advertisers.subList(1, 2)))
                .get("code").asInt()).isEqualTo(40001);
    }

    @Test
    void entityListsArePagedByPageNumber() {
        String advertiserId = advertisers.get(1).get("advertiser_id").asString();
        JsonNode all = data("ad/get/", advertiserId, "page_size", "1000");
        int total = all.get("page_info").get("total_number").asInt();

        List<String> paged = new ArrayList<>();
        int pages = (total + 2) / 3;
        for (int page = 1; page <= pages; page++) {
            JsonNode data = data("ad/get/", advertiserId, "page", Integer.toString(page), "page_size", "3");
            assertThat(data.get("page_info").get("total_page").asInt()).isEqualTo(pages);
            data.get("list").valueStream().map(ad -> ad.get("ad_id").asString()).forEach(paged::add);
        }
        JsonNode pastTheEnd = data("ad/get/", advertiserId, "page", Integer.toString(pages + 1), "page_size", "3");

        assertThat(total).isGreaterThan(3);
        assertThat(paged).doesNotHaveDuplicates()
                .containsExactlyElementsOf(all.get("list").valueStream().map(ad -> ad.get("ad_id").asString()).toList());
        assertThat(pastTheEnd.get("list").isEmpty()).isTrue();
        assertThat(data("campaign/get/", advertiserId).get("page_info").get("page_size").asInt()).isEqualTo(10);
    }

    @Test
    void pageSizeAboveAThousandOrPageBelowOneIs40002() {
        String advertiserId = advertisers.get(0).get("advertiser_id").asString();

        assertThat(sandbox.get("campaign/get/", token, "advertiser_id", advertiserId, "page_size", "1001")
                .get("code").asInt()).isEqualTo(40002);
        assertThat(sandbox.get("campaign/get/", token, "advertiser_id", advertiserId, "page", "0")
                .get("code").asInt()).isEqualTo(40002);
    }

    @Test
    void deletedCampaignsAppearOnlyWhenAStatusFilterAsksForThem() {
        String advertiserId = advertisers.get(0).get("advertiser_id").asString();

        List<String> byDefault = statuses(data("campaign/get/", advertiserId, "page_size", "1000"));
        List<String> all = statuses(data("campaign/get/", advertiserId, "page_size", "1000",
                "filtering", "{\"secondary_status\":\"CAMPAIGN_STATUS_ALL\"}"));
        List<String> primaryAll = statuses(data("campaign/get/", advertiserId, "page_size", "1000",
                "filtering", "{\"primary_status\":\"STATUS_ALL\"}"));
        List<String> deletedOnly = statuses(data("campaign/get/", advertiserId, "page_size", "1000",
                "filtering", "{\"primary_status\":\"STATUS_DELETE\"}"));

        assertThat(byDefault).isNotEmpty().doesNotContain("CAMPAIGN_STATUS_DELETE");
        assertThat(all).contains("CAMPAIGN_STATUS_DELETE").hasSize(byDefault.size() + deletedOnly.size());
        assertThat(primaryAll).hasSameSizeAs(all);
        assertThat(deletedOnly).isNotEmpty().containsOnly("CAMPAIGN_STATUS_DELETE");
    }

    @Test
    void childrenOfADeletedCampaignAreDeletedAndHiddenByDefault() {
        String advertiserId = advertisers.get(0).get("advertiser_id").asString();
        String deletedCampaign = data("campaign/get/", advertiserId, "filtering",
                "{\"primary_status\":\"STATUS_DELETE\"}").get("list").get(0).get("campaign_id").asString();

        JsonNode hiddenGroups = data("adgroup/get/", advertiserId, "filtering",
                "{\"campaign_ids\":[\"" + deletedCampaign + "\"]}");
        JsonNode groups = data("adgroup/get/", advertiserId, "filtering",
                "{\"campaign_ids\":[\"" + deletedCampaign + "\"],\"secondary_status\":\"ADGROUP_STATUS_ALL\"}");
        JsonNode ads = data("ad/get/", advertiserId, "filtering",
                "{\"campaign_ids\":[\"" + deletedCampaign + "\"],\"secondary_status\":\"AD_STATUS_ALL\"}");

        assertThat(hiddenGroups.get("list").isEmpty()).isTrue();
        assertThat(statuses(groups)).isNotEmpty().containsOnly("ADGROUP_STATUS_DELETE");
        assertThat(statuses(ads)).isNotEmpty().containsOnly("AD_STATUS_DELETE");
        assertThat(ads.get("list").get(0).get("operation_status").asString()).isEqualTo("DISABLE");
    }

    @Test
    void entitiesCarryTikTokFieldsAndCanBeNarrowedByIdAndFields() {
        String advertiserId = advertisers.get(0).get("advertiser_id").asString();
        JsonNode group = data("adgroup/get/", advertiserId).get("list").get(0);

        JsonNode ads = data("ad/get/", advertiserId, "fields", "[\"ad_id\",\"adgroup_id\",\"modify_time\"]",
                "filtering", "{\"adgroup_ids\":[\"" + group.get("adgroup_id").asString() + "\"]}");

        assertThat(group.get("budget_mode").asString()).isEqualTo("BUDGET_MODE_DAY");
        assertThat(group.get("create_time").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(ads.get("list").isEmpty()).isFalse();
        ads.get("list").forEach(ad -> {
            assertThat(ad.propertyNames()).containsExactly("ad_id", "adgroup_id", "modify_time");
            assertThat(ad.get("adgroup_id").asString()).isEqualTo(group.get("adgroup_id").asString());
        });
    }

    @Test
    void malformedFilteringIs40002AndAnUnauthorizedAdvertiserIs40001() {
        String advertiserId = advertisers.get(0).get("advertiser_id").asString();
        String narrowToken = sandbox.token(advertisers.get(1).get("advertiser_id").asString());

        JsonNode malformed = sandbox.get("campaign/get/", token, "advertiser_id", advertiserId, "filtering", "{campaign_ids:");
        JsonNode foreign = sandbox.get("campaign/get/", narrowToken, "advertiser_id", advertiserId);

        assertThat(malformed.get("code").asInt()).isEqualTo(40002);
        assertThat(malformed.get("message").asString()).contains("filtering");
        assertThat(foreign.get("code").asInt()).isEqualTo(40001);
    }

    private JsonNode data(String endpoint, String advertiserId, String... params) {
        String[] all = new String[params.length + 2];
        all[0] = "advertiser_id";
        all[1] = advertiserId;
        System.arraycopy(params, 0, all, 2, params.length);
        JsonNode answer = sandbox.get(endpoint, token, all);
        assertThat(answer.get("code").asInt()).as(answer.toString()).isZero();
        return answer.get("data");
    }

    private static List<String> statuses(JsonNode data) {
        return data.get("list").valueStream().map(e -> e.get("secondary_status").asString()).toList();
    }

    static String idsJson(List<JsonNode> advertisers) {
        return advertisers.stream().map(a -> "\"" + a.get("advertiser_id").asString() + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
