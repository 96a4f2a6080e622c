package io.adpulse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

class ControlApiTest extends SandboxIntegrationTest {

    @AfterEach
    void undoRestatements() {
        sandbox.web().delete().uri("/sandbox/restatements").exchange().expectStatus().isNoContent();
    }

    @Test
    void seededAdvertisersAreUsUkAndJapanWithTheirCurrencyAndZones() {
        List<JsonNode> advertisers = sandbox.advertisers();

        assertThat(advertisers).extracting(a -> a.get("currency").asString() + " " + a.get("display_timezone").asString())
                .containsExactly("USD America/Los_Angeles", "GBP Europe/London", "JPY Asia/Tokyo");
        assertThat(advertisers).allSatisfy(a -> {
            assertThat(a.propertyNames()).containsExactly("advertiser_id", "name", "currency", "timezone",
                    "display_timezone");
            assertThat(a.get("advertiser_id").asString()).matches("\\d{19}");
        });
    }

    @Test
    void groundTruthRowsCarryTheHierarchyIdsDateAndStringMetrics() {
        String id = sandbox.advertisers().get(0).get("advertiser_id").asString();

        JsonNode truth = sandbox.control("/sandbox/ground-truth", "level", "adgroup", "advertiser_id", id,
                "start_date", "2026-03-16", "end_date", "2026-03-17");
        JsonNode hourly = sandbox.control("/sandbox/ground-truth", "level", "ad", "advertiser_id", id,
                "start_date", "2026-03-17", "end_date", "2026-03-17", "granularity", "hour");

        assertThat(truth.get("currency").asString()).isEqualTo("USD");
        assertThat(truth.get("as_of").asString()).isEqualTo("2026-03-18T10:30:00Z");
        JsonNode row = truth.get("rows").get(0);
        assertThat(row.propertyNames()).startsWith("advertiser_id", "campaign_id", "adgroup_id", "date", "spend",
                "impressions", "clicks", "conversion");
        assertThat(row.get("date").asString()).isEqualTo("2026-03-16");
        assertThat(row.get("spend").asString()).matches("\\d+\\.\\d{2}");
        assertThat(row.get("impressions").isString()).isTrue();
        JsonNode hour = hourly.get("rows").get(0);
        assertThat(hour.propertyNames()).startsWith("advertiser_id", "campaign_id", "adgroup_id", "ad_id", "date", "hour");
        assertThat(hour.get("hour").asString()).isEqualTo("2026-03-17 00:00:00");
    }

    @Test
    void groundTruthRejectsBadInputWithProblemDetails() {
        String id = sandbox.advertisers().get(0).get("advertiser_id").asString();

        problem(HttpStatus.BAD_REQUEST, "level", "advertiser_id", id, "start_date", "2026-03-01", "end_date", "2026-03-02");
        problem(HttpStatus.BAD_REQUEST, "level", "level", "keyword", "advertiser_id", id, "start_date", "2026-03-01",
                "end_date", "2026-03-02");
        problem(HttpStatus.BAD_REQUEST, "start_date", "level", "ad", "advertiser_id", id, "start_date", "March",
                "end_date", "2026-03-02");
        problem(HttpStatus.BAD_REQUEST, "before", "level", "ad", "advertiser_id", id, "start_date", "2026-03-03",
                "end_date", "2026-03-02");
        problem(HttpStatus.BAD_REQUEST, "31 days", "level", "ad", "advertiser_id", id, "start_date", "2026-01-01",
                "end_date", "2026-03-02", "granularity", "hour");
        problem(HttpStatus.NOT_FOUND, "42", "level", "ad", "advertiser_id", "42", "start_date", "2026-03-01",
                "end_date", "2026-03-02");
    }

    @Test
    void restatementChangesTheReportAndEveryLevelStillAddsUp() {
        String token = sandbox.token();
        JsonNode advertiser = sandbox.advertisers().get(0);
        String advertiserId = advertiser.get("advertiser_id").asString();
        JsonNode before = campaignDay(advertiserId, "2026-03-10");
        JsonNode campaign = before.get("rows").get(0);
        String campaignId = campaign.get("campaign_id").asString();
        BigDecimal oldSpend = new BigDecimal(campaign.get("spend").asString());
        BigDecimal advertiserSpendBefore = advertiserSpend(token, advertiserId);

        JsonNode restated = restate("""
                {"entity_id":"%s","date":"2026-03-10","metrics":{"spend":"1234.56","clicks":"777"}}""".formatted(campaignId));

        assertThat(restated.get("rows").get(0).get("spend").asString()).isEqualTo("1234.56");
        assertThat(restated.get("rows").get(0).get("clicks").asString()).isEqualTo("777");
        JsonNode reported = sandbox.get("report/integrated/get/", token, "advertiser_id", advertiserId,
                "report_type", "BASIC", "data_level", "AUCTION_CAMPAIGN",
                "dimensions", "[\"campaign_id\",\"stat_time_day\"]", "metrics", "[\"spend\",\"clicks\"]",
                "start_date", "2026-03-10", "end_date", "2026-03-10",
                "filtering", "[{\"field_name\":\"campaign_ids\",\"filter_type\":\"IN\",\"filter_value\":\"[\\\"" + campaignId + "\\\"]\"}]");
        assertThat(reported.get("data").get("list").get(0).get("metrics").get("spend").asString()).isEqualTo("1234.56");
        assertThat(reported.get("data").get("list").get(0).get("metrics").get("clicks").asString()).isEqualTo("777");
        JsonNode ads = sandbox.control("/sandbox/ground-truth", "level", "ad", "advertiser_id", advertiserId,
                "start_date", "2026-03-10", "end_date", "2026-03-10");
        assertThat(ads.get("rows").valueStream().filter(r -> r.get("campaign_id").asString().equals(campaignId))
                .map(r -> new BigDecimal(r.get("spend").asString())).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("1234.56");
        assertThat(advertiserSpend(token, advertiserId))
                .isEqualByComparingTo(advertiserSpendBefore.subtract(oldSpend).add(new BigDecimal("1234.56")));

        sandbox.web().delete().uri("/sandbox/restatements").exchange().expectStatus().isNoContent();
        assertThat(campaignDay(advertiserId, "2026-03-10").get("rows").get(0).get("spend").asString())
                .isEqualTo(campaign.get("spend").asString());
    }

    @Test
    void overpacingMultipliesTodaysDeliveryOfTheCampaignAndClearingRestoresIt() {
        JsonNode advertiser = sandbox.advertisers().get(0);
        String advertiserId = advertiser.get("advertiser_id").asString();
        String today = java.time.LocalDate.ofInstant(NOW, java.time.ZoneId.of(advertiser.get("display_timezone")
                .asString())).toString();
        String yesterday = java.time.LocalDate.parse(today).minusDays(1).toString();
        String campaignId = campaignDay(advertiserId, today).get("rows").valueStream()
                .filter(r -> new BigDecimal(r.get("spend").asString()).signum() > 0)
                .map(r -> r.get("campaign_id").asString()).findFirst().orElseThrow();
        BigDecimal spendToday = spendOf(campaignDay(advertiserId, today), campaignId);
        BigDecimal spendYesterday = spendOf(campaignDay(advertiserId, yesterday), campaignId);
        assertThat(spendToday).isPositive();

        String body = sandbox.web().post().uri("/sandbox/pacing").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_id\":\"" + campaignId
                        + "\",\"factor\":5}")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(SandboxClient.parse(body).get("campaigns").get(0).asString()).isEqualTo(campaignId);

        BigDecimal boosted = spendOf(campaignDay(advertiserId, today), campaignId);
        assertThat(boosted).isBetween(spendToday.multiply(new BigDecimal("4.95")),
                spendToday.multiply(new BigDecimal("5.05")));
        assertThat(spendOf(campaignDay(advertiserId, yesterday), campaignId)).isEqualByComparingTo(spendYesterday);

        sandbox.web().delete().uri("/sandbox/pacing").exchange().expectStatus().isNoContent();
        assertThat(spendOf(campaignDay(advertiserId, today), campaignId)).isEqualByComparingTo(spendToday);

        sandbox.web().post().uri("/sandbox/pacing").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"advertiser_id\":\"" + advertiserId + "\",\"factor\":0}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("factor"));
        sandbox.web().post().uri("/sandbox/pacing").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"advertiser_id\":\"nope\",\"factor\":2}")
                .exchange().expectStatus().isBadRequest();
    }

    private static BigDecimal spendOf(JsonNode truth, String campaignId) {
        return truth.get("rows").valueStream().filter(r -> r.get("campaign_id").asString().equals(campaignId))
                .map(r -> new BigDecimal(r.get("spend").asString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void restatementOfAMetricTheEntityLacksOrWithTooManyDecimalsIsRefused() {
        JsonNode jp = sandbox.advertisers().get(2);
        String jpId = jp.get("advertiser_id").asString();
        String videoViews = sandbox.control("/sandbox/ground-truth", "level", "campaign", "advertiser_id", jpId,
                "start_date", "2026-03-17", "end_date", "2026-03-17").get("rows").valueStream()
                .filter(r -> r.get("conversion").isNull()).findFirst().orElseThrow().get("campaign_id").asString();

        restateRefused(HttpStatus.BAD_REQUEST, """
                {"entity_id":"%s","date":"2026-03-17","metrics":{"conversion":"3"}}""".formatted(videoViews));
        restateRefused(HttpStatus.BAD_REQUEST, """
                {"entity_id":"%s","date":"2026-03-17","metrics":{"spend":"10.5"}}""".formatted(jpId));
        restateRefused(HttpStatus.BAD_REQUEST, """
                {"entity_id":"%s","date":"2026-03-17","metrics":{"revenue":"10"}}""".formatted(jpId));
        restateRefused(HttpStatus.NOT_FOUND, """
                {"entity_id":"123","date":"2026-03-17","metrics":{"spend":"10"}}""");
    }

    @Test
    void mintedTokenWorksOnTheApiForItsAdvertisersOnly() {
        String usId = sandbox.advertisers().get(0).get("advertiser_id").asString();
        String ukId = sandbox.advertisers().get(1).get("advertiser_id").asString();
        String body = sandbox.web().post().uri("/sandbox/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"advertiser_ids\":[\"" + usId + "\"]}")
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        JsonNode minted = SandboxClient.parse(body);
        String token = minted.get("access_token").asString();

        assertThat(minted.get("app_id").asString()).isEqualTo(SandboxClient.APP_ID);
        assertThat(sandbox.get("campaign/get/", token, "advertiser_id", usId).get("code").asInt()).isZero();
        assertThat(sandbox.get("campaign/get/", token, "advertiser_id", ukId).get("code").asInt()).isEqualTo(40001);
        sandbox.web().post().uri("/sandbox/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"advertiser_ids\":[\"1\"]}").exchange().expectStatus().isBadRequest();
    }

    private JsonNode campaignDay(String advertiserId, String date) {
        return sandbox.control("/sandbox/ground-truth", "level", "campaign", "advertiser_id", advertiserId,
                "start_date", date, "end_date", date);
    }

    private BigDecimal advertiserSpend(String token, String advertiserId) {
        JsonNode answer = sandbox.get("report/integrated/get/", token, "advertiser_id", advertiserId,
                "report_type", "BASIC", "data_level", "AUCTION_ADVERTISER",
                "dimensions", "[\"advertiser_id\",\"stat_time_day\"]", "metrics", "[\"spend\"]",
                "start_date", "2026-03-10", "end_date", "2026-03-10");
        return new BigDecimal(answer.get("data").get("list").get(0).get("metrics").get("spend").asString());
    }

    private JsonNode restate(String json) {
        String body = sandbox.web().post().uri("/sandbox/restatements").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return SandboxClient.parse(body);
    }

    private void restateRefused(HttpStatus status, String json) {
        sandbox.web().post().uri("/sandbox/restatements").contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isNotEmpty();
    }

    private void problem(HttpStatus status, String detailMentions, String... params) {
        sandbox.web().get().uri(SandboxClient.uri("/sandbox/ground-truth", params)).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains(detailMentions));
    }
}
