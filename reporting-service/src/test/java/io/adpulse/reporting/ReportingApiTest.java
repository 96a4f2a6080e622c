package io.adpulse.reporting;

import static io.adpulse.events.EntityLevel.ADVERTISER;
import static io.adpulse.events.EntityLevel.CAMPAIGN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.Money;
import io.adpulse.events.Topics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

/** The advertiser and spend endpoints, and the problem details of bad requests. */
class ReportingApiTest extends ReportingServiceTest {

    private static final Instant T1 = Instant.parse("2025-04-03T06:00:00Z");
    private static final String USD_ADVERTISER = TestIds.next();
    private static final String EUR_ADVERTISER = TestIds.next();
    private static final String CAMPAIGN_A = TestIds.next();
    private static final String CAMPAIGN_B = TestIds.next();
    private static final String CAMPAIGN_E = TestIds.next();
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private static boolean observed;

    /** Once per class, after the context (and so the listeners) is up. */
    @BeforeEach
    void observeTwoAdvertisersInTwoCurrencies() {
        if (observed) {
            return;
        }
        observed = true;
        String ny = "America/New_York";
        kafka.publish(Observations.advertiser(USD_ADVERTISER, "Uno", ny, "USD", T1));
        kafka.publish(Observations.campaign(USD_ADVERTISER, CAMPAIGN_A, "Alpha", false, Money.of("150", "USD"), T1));
        kafka.publish(Observations.campaign(USD_ADVERTISER, CAMPAIGN_B, "Beta", true, null, T1));
        kafka.publish(Observations.daily(CAMPAIGN, USD_ADVERTISER, CAMPAIGN_A, "2025-04-01", ny, "USD", T1, List.of(),
                "spend", "4.00"));
        kafka.publish(Observations.daily(CAMPAIGN, USD_ADVERTISER, CAMPAIGN_B, "2025-04-01", ny, "USD", T1, List.of(),
                "spend", "6.00"));
        kafka.publish(Observations.daily(CAMPAIGN, USD_ADVERTISER, CAMPAIGN_A, "2025-04-02", ny, "USD", T1, List.of(),
                "spend", "3.00"));
        kafka.publish(Observations.daily(ADVERTISER, USD_ADVERTISER, USD_ADVERTISER, "2025-04-02", ny, "USD", T1,
                List.of(), "spend", "8.00"));
        String berlin = "Europe/Berlin";
        kafka.publish(Observations.daily(CAMPAIGN, EUR_ADVERTISER, CAMPAIGN_E, "2025-04-01", berlin, "EUR", T1,
                List.of(), "spend", "3.335"));
        kafka.publish(Observations.daily(CAMPAIGN, EUR_ADVERTISER, CAMPAIGN_E, "2025-04-02", berlin, "EUR", T1,
                List.of("spend"), "impressions", "10"));
        kafka.awaitConsumed(Topics.ENTITIES);
        kafka.awaitConsumed(Topics.METRICS);
    }

    private static String of(String advertiserId, String path) {
        return "$.advertisers[?(@.advertiserId == '" + advertiserId + "')]" + path;
    }

    @Test
    void listsKnownAdvertisersWithTheirCampaignsIncludingDeletedOnes() {
        web.get().uri("/api/reporting/advertisers")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath(of(USD_ADVERTISER, ".name")).isEqualTo(List.of("Uno"))
                .jsonPath(of(USD_ADVERTISER, ".timeZone")).isEqualTo(List.of("America/New_York"))
                .jsonPath(of(USD_ADVERTISER, ".currency")).isEqualTo(List.of("USD"))
                .jsonPath(of(USD_ADVERTISER, ".status")).isEqualTo(List.of("STATUS_ENABLE"))
                .jsonPath(of(USD_ADVERTISER, ".campaigns[*].campaignId")).isEqualTo(List.of(CAMPAIGN_A, CAMPAIGN_B))
                .jsonPath(of(USD_ADVERTISER, ".campaigns[*].name")).isEqualTo(List.of("Alpha", "Beta"))
                .jsonPath(of(USD_ADVERTISER, ".campaigns[*].deleted")).isEqualTo(List.of(false, true))
                .jsonPath(of(USD_ADVERTISER, ".campaigns[0].budget.amount")).isEqualTo(List.of("150.00"))
                .jsonPath(of(USD_ADVERTISER, ".campaigns[0].budget.currency")).isEqualTo(List.of("USD"))
                .jsonPath(of(EUR_ADVERTISER, ".name")).isEqualTo(java.util.Collections.singletonList(null))
                .jsonPath(of(EUR_ADVERTISER, ".timeZone")).isEqualTo(List.of("Europe/Berlin"))
                .jsonPath(of(EUR_ADVERTISER, ".currency")).isEqualTo(List.of("EUR"))
                .jsonPath(of(EUR_ADVERTISER, ".campaigns.length()")).isEqualTo(List.of(0));
    }

    @Test
    void reportsSpendPerAdvertiserAndDayWithTotalsPerCurrencyNeverAddedAcrossCurrencies() {
        web.get().uri("/api/reporting/spend?from=2025-04-01&to=2025-04-02")
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"from": "2025-04-01", "to": "2025-04-02", "advertiserId": null, "advertiserIds": [],
                         "brandId": null, "clientId": null,
                         "rows": [
                          {"advertiserId": "%1$s", "advertiserName": "Uno", "date": "2025-04-01", "currency": "USD",
                           "spend": "10.00", "source": "CAMPAIGNS"},
                          {"advertiserId": "%1$s", "advertiserName": "Uno", "date": "2025-04-02", "currency": "USD",
                           "spend": "8.00", "source": "ADVERTISER"},
                          {"advertiserId": "%2$s", "advertiserName": null, "date": "2025-04-01", "currency": "EUR",
                           "spend": "3.34", "source": "CAMPAIGNS"},
                          {"advertiserId": "%2$s", "advertiserName": null, "date": "2025-04-02", "currency": "EUR",
                           "spend": null, "source": "CAMPAIGNS"}],
                         "totals": [{"currency": "EUR", "spend": null, "advertisers": 1},
                                    {"currency": "USD", "spend": "18.00", "advertisers": 1}]}
                        """.formatted(USD_ADVERTISER, EUR_ADVERTISER), JsonCompareMode.STRICT);
    }

    @Test
    void rollsSeveralAdvertisersUpPerCurrencyNeverAcrossCurrencies() {
        String usdTwin = TestIds.next();
        kafka.publish(Observations.daily(CAMPAIGN, usdTwin, TestIds.next(), "2025-03-31", "America/Chicago", "USD", T1,
                List.of(), "spend", "2.50"));
        kafka.awaitConsumed(Topics.METRICS);

        for (String query : List.of("advertiserId=%s&advertiserId=%s&advertiserId=%s", "advertiserId=%s,%s,%s")) {
            web.get().uri("/api/reporting/spend?from=2025-03-31&to=2025-04-01&"
                            + query.formatted(USD_ADVERTISER, EUR_ADVERTISER, usdTwin))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.advertiserId").isEmpty()
                    .jsonPath("$.advertiserIds").isEqualTo(List.of(USD_ADVERTISER, EUR_ADVERTISER, usdTwin))
                    .jsonPath("$.rows.length()").isEqualTo(3)
                    .jsonPath("$.totals.length()").isEqualTo(2)
                    .jsonPath("$.totals[0].currency").isEqualTo("EUR")
                    .jsonPath("$.totals[0].spend").isEqualTo("3.34")
                    .jsonPath("$.totals[0].advertisers").isEqualTo(1)
                    .jsonPath("$.totals[1].currency").isEqualTo("USD")
                    .jsonPath("$.totals[1].spend").isEqualTo("12.50")
                    .jsonPath("$.totals[1].advertisers").isEqualTo(2);
        }
    }

    @Test
    void namingOneUnknownAdvertiserAmongSeveralIsANotFoundProblem() {
        web.get().uri("/api/reporting/spend?from=2025-04-01&to=2025-04-01&advertiserId={a}&advertiserId=404404",
                        USD_ADVERTISER)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("advertiser '404404' is not known: no entity or metric of it has been observed");
    }

    @Test
    void exportsSpendRowsAsCsvEachWithItsCurrency() {
        String body = web.get().uri("/api/reporting/spend?from=2025-04-01&to=2025-04-02&advertiserId={a},{b}&format=csv",
                        USD_ADVERTISER, EUR_ADVERTISER)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueEquals("Content-Disposition",
                        "attachment; filename=\"spend-selected-2025-04-01-2025-04-02.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).isEqualTo(String.join("\r\n",
                "advertiserId,advertiserName,date,currency,spend,source",
                USD_ADVERTISER + ",Uno,2025-04-01,USD,10.00,CAMPAIGNS",
                USD_ADVERTISER + ",Uno,2025-04-02,USD,8.00,ADVERTISER",
                EUR_ADVERTISER + ",,2025-04-01,EUR,3.34,CAMPAIGNS",
                EUR_ADVERTISER + ",,2025-04-02,EUR,,CAMPAIGNS",
                ""));
    }

    @Test
    void exportsTheCampaignDailyRowsAsCsvAndAsAJsonArray() {
        String body = web.get().uri("/api/reporting/campaigns/daily?advertiserId={a}&from=2025-04-01&to=2025-04-01",
                        USD_ADVERTISER)
                .accept(new MediaType("text", "csv"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"campaigns-daily-"
                        + USD_ADVERTISER + "-2025-04-01-2025-04-01.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body.split("\r\n")).containsExactly(
                "advertiserId,timeZone,currency,date,campaignId,campaignName,campaignStatus,deleted,spend,impressions,"
                        + "clicks,conversions,conversionValue,roas,ctr,cpc,cpm",
                USD_ADVERTISER + ",America/New_York,USD,2025-04-01," + CAMPAIGN_A + ",Alpha,ENABLE,false,4.00,,,,,,,,",
                USD_ADVERTISER + ",America/New_York,USD,2025-04-01," + CAMPAIGN_B + ",Beta,DELETE,true,6.00,,,,,,,,");
        web.get().uri("/api/reporting/campaigns/daily?advertiserId={a}&from=2025-04-01&to=2025-04-01&format=json",
                        USD_ADVERTISER)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"campaigns-daily-"
                        + USD_ADVERTISER + "-2025-04-01-2025-04-01.json\"")
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].currency").isEqualTo("USD")
                .jsonPath("$[0].timeZone").isEqualTo("America/New_York")
                .jsonPath("$[1].row.campaignName").isEqualTo("Beta");
    }

    @Test
    void filtersSpendToOneAdvertiser() {
        web.get().uri("/api/reporting/spend?from=2025-04-01&to=2025-04-01&advertiserId={a}", USD_ADVERTISER)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows.length()").isEqualTo(1)
                .jsonPath("$.totals[0].spend").isEqualTo("10.00");
    }

    @Test
    void unknownAdvertiserIsANotFoundProblem() {
        web.get().uri("/api/reporting/campaigns/daily?advertiserId=404404&from=2025-04-01&to=2025-04-02")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("advertiser '404404' is not known: no entity or metric of it has been observed");
        web.get().uri("/api/reporting/spend?advertiserId=404404&from=2025-04-01&to=2025-04-02")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(PROBLEM);
    }

    @Test
    void toBeforeFromIsABadRequestProblemWithTheReason() {
        web.get().uri("/api/reporting/campaigns/daily?advertiserId={a}&from=2025-04-02&to=2025-04-01", USD_ADVERTISER)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.detail").isEqualTo("'to' (2025-04-01) must not be before 'from' (2025-04-02)");
    }

    @Test
    void rangeOverTheLimitIsABadRequestProblem() {
        web.get().uri("/api/reporting/spend?from=2024-01-01&to=2025-01-01")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("the range 2024-01-01 to 2025-01-01 spans 367 days; at most 366 are allowed");
    }

    @Test
    void malformedDateIsABadRequestProblem() {
        web.get().uri("/api/reporting/campaigns/daily?advertiserId={a}&from=2025-4-1&to=2025-04-02", USD_ADVERTISER)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("'from' must be a date YYYY-MM-DD, got '2025-4-1'");
    }

    @Test
    void anAdvertiserIdWithAControlCharacterIsABadRequestProblemNotADatabaseError() {
        web.get().uri(b -> b.path("/api/reporting/campaigns/daily").queryParam("advertiserId", "12\u000034")
                        .queryParam("from", "2025-04-01").queryParam("to", "2025-04-02").build())
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("'advertiserId' must not contain control characters");
    }

    @Test
    void missingAdvertiserIsABadRequestProblem() {
        web.get().uri("/api/reporting/campaigns/daily?from=2025-04-01&to=2025-04-02")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("'advertiserId' is required");
    }
}
