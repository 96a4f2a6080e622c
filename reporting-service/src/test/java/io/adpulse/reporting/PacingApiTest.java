package io.adpulse.reporting;

import static io.adpulse.events.EntityLevel.ADGROUP;
import static io.adpulse.events.EntityLevel.CAMPAIGN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Money;
import io.adpulse.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

/**
 * {@code /api/reporting/pacing} at 2025-06-10T03:30Z, which is 23:30 on 06-09 in New York and 12:30 on 06-10 in
 * Tokyo: a daily budget paced over the New York day that is still running, a lifetime budget paced over the
 * schedule of its ad groups, a daily ad group budget without spend, and budgets that are not paced (deleted,
 * unlimited, none).
 */
class PacingApiTest extends ReportingServiceTest {

    private static final Instant NOW = Instant.parse("2025-06-10T03:30:00Z");
    private static final Instant T1 = Instant.parse("2025-06-09T00:00:00Z");
    private static final String NYA = TestIds.next();
    private static final String TKA = TestIds.next();
    private static final String CD = TestIds.next();
    private static final String CX = TestIds.next();
    private static final String CGONE = TestIds.next();
    private static final String CT = TestIds.next();
    private static final String GT = TestIds.next();
    private static final String GD = TestIds.next();
    private static final String NY = "America/New_York";
    private static final String TOKYO = "Asia/Tokyo";
    private static final Map<String, String> SCHEDULE = Map.of("schedule_type", "SCHEDULE_START_END",
            "schedule_start_time", "2025-06-01 00:00:00", "schedule_end_time", "2025-06-11 00:00:00");

    private static boolean observed;

    private static EventEnvelope<EntityObserved> entity(EntityLevel level, String advertiserId, String id,
            String parent, String name, boolean deleted, Money budget, String mode, Map<String, String> attributes) {
        var data = new EntityObserved("conn-" + advertiserId, advertiserId, level, id, parent, name,
                deleted ? "DELETE" : "ENABLE", deleted, budget, mode, null, null, attributes, T1);
        return EventEnvelope.of("/test", advertiserId, T1, data, level, id, T1);
    }

    @BeforeEach
    void observeBudgetsInTwoTimeZones() {
        clock.set(NOW);
        if (observed) {
            return;
        }
        observed = true;
        kafka.publish(Observations.advertiser(NYA, "New York Ads", NY, "USD", T1));
        kafka.publish(Observations.advertiser(TKA, "Tokyo Ads", TOKYO, "JPY", T1));
        kafka.publish(entity(CAMPAIGN, NYA, CD, NYA, "Daily", false, Money.of("100", "USD"), "BUDGET_MODE_DAY",
                Map.of()));
        kafka.publish(entity(CAMPAIGN, NYA, CX, NYA, "Unlimited", false, null, "BUDGET_MODE_INFINITE", Map.of()));
        kafka.publish(entity(CAMPAIGN, NYA, CGONE, NYA, "Gone", true, Money.of("50", "USD"), "BUDGET_MODE_DAY",
                Map.of()));
        kafka.publish(entity(CAMPAIGN, TKA, CT, TKA, "Lifetime", false, Money.of("10000", "JPY"), "BUDGET_MODE_TOTAL",
                Map.of()));
        kafka.publish(entity(ADGROUP, TKA, GT, CT, "Scheduled", false, null, null, SCHEDULE));
        kafka.publish(entity(ADGROUP, TKA, GD, CT, "Daily group", false, Money.of("3000", "JPY"), "BUDGET_MODE_DAY",
                SCHEDULE));
        kafka.publish(Observations.daily(CAMPAIGN, NYA, CD, "2025-06-08", NY, "USD", T1, List.of(), "spend", "70"));
        kafka.publish(Observations.daily(CAMPAIGN, NYA, CD, "2025-06-09", NY, "USD", T1, List.of(), "spend", "90"));
        kafka.publish(Observations.daily(CAMPAIGN, NYA, CD, "2025-06-10", NY, "USD", T1, List.of(), "spend", "5"));
        kafka.publish(Observations.daily(CAMPAIGN, NYA, CGONE, "2025-06-09", NY, "USD", T1, List.of(), "spend", "9"));
        kafka.publish(Observations.daily(CAMPAIGN, TKA, CT, "2025-05-31", TOKYO, "JPY", T1, List.of(), "spend", "777"));
        kafka.publish(Observations.daily(CAMPAIGN, TKA, CT, "2025-06-05", TOKYO, "JPY", T1, List.of(), "spend", "4000"));
        kafka.publish(Observations.daily(CAMPAIGN, TKA, CT, "2025-06-10", TOKYO, "JPY", T1, List.of(), "spend", "1000"));
        kafka.awaitConsumed(Topics.ENTITIES);
        kafka.awaitConsumed(Topics.METRICS);
    }

    @Test
    void pacesADailyBudgetOverTheAdvertisersLocalDayLabelledWithItsZone() {
        web.get().uri("/api/reporting/pacing?advertiserId={a}", NYA)
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"asOf": "2025-06-10T03:30:00Z", "advertiserIds": ["%1$s"], "brandId": null,
                         "clientId": null, "campaignId": null,
                         "rows": [{"advertiserId": "%1$s", "advertiserName": "New York Ads",
                           "timeZone": "America/New_York", "level": "campaign", "entityId": "%2$s",
                           "campaignId": "%2$s", "entityName": "Daily", "entityStatus": "ENABLE",
                           "budgetMode": "daily", "budget": "100.00", "currency": "USD",
                           "periodStart": "2025-06-09T00:00-04:00", "periodEnd": "2025-06-10T00:00-04:00",
                           "now": "2025-06-09T23:30-04:00", "elapsed": "0.9792", "spentSoFar": "90.00",
                           "spendDays": 1, "spendCurrency": null, "expectedByNow": "97.92",
                           "projectedSpend": "91.91", "status": "ON_TRACK", "expectedBasis": "linear",
                           "curveDays": null}]}
                        """.formatted(NYA, CD), JsonCompareMode.STRICT);
    }

    @Test
    void pacesALifetimeBudgetOverItsAdGroupsScheduleAndADailyAdGroupOverTheTokyoDay() {
        web.get().uri("/api/reporting/pacing?advertiserId={a}&campaignId={c}", TKA, CT)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.campaignId").isEqualTo(CT)
                .jsonPath("$.rows[*].entityId").isEqualTo(List.of(CT, GD))
                .jsonPath("$.rows[0].budgetMode").isEqualTo("lifetime")
                .jsonPath("$.rows[0].periodStart").isEqualTo("2025-06-01T09:00+09:00")
                .jsonPath("$.rows[0].periodEnd").isEqualTo("2025-06-11T09:00+09:00")
                .jsonPath("$.rows[0].now").isEqualTo("2025-06-10T12:30+09:00")
                .jsonPath("$.rows[0].elapsed").isEqualTo("0.9146")
                .jsonPath("$.rows[0].spentSoFar").isEqualTo("5000")
                .jsonPath("$.rows[0].spendDays").isEqualTo(2)
                .jsonPath("$.rows[0].expectedByNow").isEqualTo("9146")
                .jsonPath("$.rows[0].projectedSpend").isEqualTo("5467")
                .jsonPath("$.rows[0].status").isEqualTo("UNDER")
                .jsonPath("$.rows[1].level").isEqualTo("adgroup")
                .jsonPath("$.rows[1].campaignId").isEqualTo(CT)
                .jsonPath("$.rows[1].periodStart").isEqualTo("2025-06-10T00:00+09:00")
                .jsonPath("$.rows[1].spentSoFar").isEmpty()
                .jsonPath("$.rows[1].spendDays").isEqualTo(0)
                .jsonPath("$.rows[1].expectedByNow").isEqualTo("1562")
                .jsonPath("$.rows[1].status").isEqualTo("NO_DATA");
    }

    /**
     * A Tokyo account that spends half its day at 06:00 and half at 18:00: at 12:30 it has usually spent half, so its
     * daily budget expects 1500 of 3000 by now on its learned curve (linear would expect 1562), the curve
     * alerting-service's daily-budget-pacing rule learns from the same hourly campaign spend.
     */
    @Test
    void expectsADailyBudgetsSpendAlongTheAccountsLearnedIntradayCurve() {
        String advertiser = TestIds.next();
        String campaign = TestIds.next();
        kafka.publish(Observations.advertiser(advertiser, "Tokyo Curve", TOKYO, "JPY", T1));
        kafka.publish(entity(CAMPAIGN, advertiser, campaign, advertiser, "Curved", false, Money.of("3000", "JPY"),
                "BUDGET_MODE_DAY", Map.of()));
        for (int day = 3; day <= 9; day++) {
            String date = "2025-06-0" + day;
            kafka.publish(Observations.hourly(CAMPAIGN, advertiser, campaign, date, 6, TOKYO, "JPY", T1, List.of(),
                    "spend", "50"));
            kafka.publish(Observations.hourly(CAMPAIGN, advertiser, campaign, date, 18, TOKYO, "JPY", T1, List.of(),
                    "spend", "50"));
        }
        kafka.publish(Observations.daily(CAMPAIGN, advertiser, campaign, "2025-06-10", TOKYO, "JPY", T1, List.of(),
                "spend", "1200"));
        kafka.awaitConsumed(Topics.ENTITIES);
        kafka.awaitConsumed(Topics.METRICS);

        web.get().uri("/api/reporting/pacing?advertiserId={a}", advertiser)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows[0].now").isEqualTo("2025-06-10T12:30+09:00")
                .jsonPath("$.rows[0].elapsed").isEqualTo("0.5208")
                .jsonPath("$.rows[0].expectedByNow").isEqualTo("1500")
                .jsonPath("$.rows[0].expectedBasis").isEqualTo("intraday-curve")
                .jsonPath("$.rows[0].curveDays").isEqualTo(7)
                .jsonPath("$.rows[0].projectedSpend").isEqualTo("2400")
                .jsonPath("$.rows[0].status").isEqualTo("UNDER");
    }

    @Test
    void followsTheClockAcrossTheNewYorkMidnight() {
        clock.set(Instant.parse("2025-06-10T16:00:00Z"));
        web.get().uri("/api/reporting/pacing?advertiserId={a}", NYA)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows[0].periodStart").isEqualTo("2025-06-10T00:00-04:00")
                .jsonPath("$.rows[0].now").isEqualTo("2025-06-10T12:00-04:00")
                .jsonPath("$.rows[0].spentSoFar").isEqualTo("5.00")
                .jsonPath("$.rows[0].expectedByNow").isEqualTo("50.00")
                .jsonPath("$.rows[0].projectedSpend").isEqualTo("10.00")
                .jsonPath("$.rows[0].status").isEqualTo("UNDER");
    }

    @Test
    void filtersByBrandAndClientAndExports() {
        String client = BrandsApiTest.createClient(web, BrandsApiTest.unique("Pacer"));
        String brand = BrandsApiTest.createBrand(web, client, "Tokyo");
        BrandsApiTest.assign(web, brand, TKA);
        web.get().uri("/api/reporting/pacing?brand={b}", brand)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.brandId").isEqualTo(brand)
                .jsonPath("$.rows[*].entityId").isEqualTo(List.of(CT, GD));
        web.get().uri("/api/reporting/pacing?client={c}&advertiserId={a}", client, NYA)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.rows").isEmpty();

        String csv = web.get().uri("/api/reporting/pacing?advertiserId={a}&format=csv", NYA)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"pacing-" + NYA + ".csv\"")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.split("\r\n")).containsExactly(
                "advertiserId,advertiserName,timeZone,level,entityId,campaignId,entityName,entityStatus,budgetMode,"
                        + "budget,currency,periodStart,periodEnd,now,elapsed,spentSoFar,spendDays,spendCurrency,"
                        + "expectedByNow,projectedSpend,status,expectedBasis,curveDays",
                NYA + ",New York Ads,America/New_York,campaign," + CD + "," + CD + ",Daily,ENABLE,daily,100.00,USD,"
                        + "2025-06-09T00:00-04:00,2025-06-10T00:00-04:00,2025-06-09T23:30-04:00,0.9792,90.00,1,,"
                        + "97.92,91.91,ON_TRACK,linear,");
        web.get().uri("/api/reporting/pacing?brand={b}&format=json", brand)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"pacing-brand-" + brand
                        + ".json\"")
                .expectBody().jsonPath("$[*].status").isEqualTo(List.of("UNDER", "NO_DATA"));
    }

    @Test
    void badPacingParametersAreProblems() {
        web.get().uri("/api/reporting/pacing?campaignId={c}", " ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("'campaignId' must not be blank");
        web.get().uri("/api/reporting/pacing?advertiserId=404404")
                .exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/reporting/pacing?client=nope")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("client 'nope' does not exist");
    }
}
