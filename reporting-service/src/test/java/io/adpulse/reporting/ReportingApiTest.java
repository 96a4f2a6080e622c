package io.adpulse.reporting;

import static io.adpulse.events.EntityLevel.ADVERTISER;
import static io.adpulse.events.EntityLevel.CAMPAIGN;

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
                        {"from": "2025-04-01", "to": "2025-04-02", "advertiserId": null,
                         "rows": [
                          {"advertiserId": "%1$s", "advertiserName": "Uno", "date": "2025-04-01", "currency": "USD",
                           "spend": "10.00", "source": "CAMPAIGNS"},
                          {"advertiserId": "%1$s", "advertiserName": "Uno", "date": "2025-04-02", "currency": "USD",
                           "spend": "8.00", "source": "ADVERTISER"},
                          {"advertiserId": "%2$s", "advertiserName": null, "date": "2025-04-01", "currency": "EUR",
                           "spend": "3.34", "source": "CAMPAIGNS"},
                          {"advertiserId": "%2$s", "advertiserName": null, "date": "2025-04-02", "currency": "EUR",
                           "spend": null, "source": "CAMPAIGNS"}],
                         "totals": [{"currency": "EUR", "spend": null}, {"currency": "USD", "spend": "18.00"}]}
                        """.formatted(USD_ADVERTISER, EUR_ADVERTISER), JsonCompareMode.STRICT);
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
    void missingAdvertiserIsABadRequestProblem() {
        web.get().uri("/api/reporting/campaigns/daily?from=2025-04-01&to=2025-04-02")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("'advertiserId' is required");
    }
}
