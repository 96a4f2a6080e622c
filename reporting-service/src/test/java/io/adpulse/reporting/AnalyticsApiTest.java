package io.adpulse.reporting;

import static io.adpulse.events.EntityLevel.AD;
import static io.adpulse.events.EntityLevel.ADGROUP;
import static io.adpulse.events.EntityLevel.ADVERTISER;
import static io.adpulse.events.EntityLevel.CAMPAIGN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.Topics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

/**
 * The time series, overview and top-N endpoints and their exports over events that went through the real listeners: roll-ups by hour,
 * day, ISO week and month at every level, the advertiser-level fallback to campaigns, missing metrics, a
 * restatement, a late older observation and a redelivery, and the period-over-period deltas.
 */
class AnalyticsApiTest extends ReportingServiceTest {

    private static final Instant T1 = Instant.parse("2025-03-04T06:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-05T06:00:00Z");
    private static final Instant T3 = Instant.parse("2025-03-06T06:00:00Z");
    private static final String NY = "America/New_York";
    private static final String ADV = TestIds.next();
    private static final String C1 = TestIds.next();
    private static final String C2 = TestIds.next();
    private static final String G1 = TestIds.next();
    private static final String AD1 = TestIds.next();
    private static final String MIXED = TestIds.next();
    private static final String YEN = TestIds.next();
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private static boolean observed;

    @BeforeEach
    void observe() {
        if (observed) {
            return;
        }
        observed = true;
        kafka.publish(Observations.advertiser(ADV, "Northwind", NY, "USD", T1));
        kafka.publish(Observations.campaign(ADV, C1, "Spring", false, null, T1));
        kafka.publish(Observations.campaign(ADV, C2, "Old", true, null, T1));
        kafka.publish(Observations.entity(ADGROUP, ADV, G1, C1, "Spring / Boots", T1));
        kafka.publish(Observations.entity(AD, ADV, AD1, G1, "Boots video", T1));
        var c1Day1 = Observations.daily(CAMPAIGN, ADV, C1, "2025-02-27", NY, "USD", T1, List.of(), "spend", "10.00",
                "impressions", "1000", "clicks", "10", "conversion", "1", "total_purchase_value", "30.00",
                "video_play_actions", "100");
        kafka.publish(c1Day1);
        kafka.publish(c1Day1);
        kafka.publish(Observations.daily(CAMPAIGN, ADV, C1, "2025-03-02", NY, "USD", T1, List.of(), "spend", "20.00",
                "impressions", "1000", "clicks", "30", "conversion", "3", "total_purchase_value", "60",
                "video_play_actions", "200"));
        kafka.publish(Observations.daily(CAMPAIGN, ADV, C1, "2025-03-03", NY, "USD", T1, List.of(), "spend", "999",
                "impressions", "9", "clicks", "9", "conversion", "9", "total_purchase_value", "9",
                "video_play_actions", "9"));
        kafka.publish(Observations.daily(CAMPAIGN, ADV, C1, "2025-03-03", NY, "USD", T3,
                List.of("video_play_actions"), "spend", "5.00", "impressions", "500", "clicks", "5", "conversion", "0",
                "total_purchase_value", "0"));
        kafka.publish(Observations.daily(CAMPAIGN, ADV, C1, "2025-03-03", NY, "USD", T2, List.of(), "spend", "777",
                "impressions", "7", "clicks", "7", "conversion", "7", "total_purchase_value", "7"));
        kafka.publish(Observations.daily(CAMPAIGN, ADV, C2, "2025-03-01", NY, "USD", T1, List.of(), "spend", "15.00",
                "impressions", "2000", "clicks", "20", "conversion", "2", "total_purchase_value", "45",
                "video_play_actions", "50"));
        kafka.publish(Observations.daily(ADVERTISER, ADV, ADV, "2025-03-01", NY, "USD", T1, List.of(), "spend", "16.00",
                "impressions", "2100", "clicks", "21", "conversion", "2", "total_purchase_value", "46",
                "video_play_actions", "60"));
        kafka.publish(Observations.daily(ADGROUP, ADV, G1, "2025-03-02", NY, "USD", T1, List.of(), "spend", "20.00",
                "impressions", "1000", "clicks", "30"));
        kafka.publish(Observations.daily(AD, ADV, AD1, "2025-03-02", NY, "USD", T1, List.of(), "spend", "12.00",
                "impressions", "600", "clicks", "18"));
        var nine = Observations.hourly(CAMPAIGN, ADV, C1, "2025-03-03", 9, NY, "USD", T1, List.of(), "spend", "1.00",
                "impressions", "100", "clicks", "1");
        kafka.publish(nine);
        kafka.publish(nine);
        kafka.publish(Observations.hourly(CAMPAIGN, ADV, C1, "2025-03-03", 9, NY, "USD", T2, List.of(), "spend", "1.50",
                "impressions", "150", "clicks", "3"));
        kafka.publish(Observations.hourly(CAMPAIGN, ADV, C1, "2025-03-03", 23, NY, "USD", T1, List.of("clicks"),
                "spend", "0.25", "impressions", "20"));
        kafka.publish(Observations.daily(CAMPAIGN, MIXED, C1, "2025-03-01", NY, "USD", T1, List.of(), "spend", "1"));
        kafka.publish(Observations.daily(CAMPAIGN, MIXED, C2, "2025-03-01", NY, "EUR", T1, List.of(), "spend", "1"));
        kafka.publish(Observations.advertiser(YEN, "Kaisha", "Asia/Tokyo", "JPY", T1));
        kafka.publish(Observations.daily(ADVERTISER, YEN, YEN, "2025-03-01", "Asia/Tokyo", "JPY", T1, List.of(),
                "spend", "1234.5", "impressions", "1000", "clicks", "3"));
        kafka.awaitConsumed(Topics.ENTITIES);
        kafka.awaitConsumed(Topics.METRICS);
    }

    @Test
    void rollsTheAdvertiserUpByIsoWeekFromItsOwnRowsOrItsCampaignsWithKpisFromSums() {
        web.get().uri("/api/reporting/timeseries?advertiserId={a}&grain=week&from=2025-02-27&to=2025-03-03", ADV)
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"advertiserId": "%1$s", "advertiserName": "Northwind", "brandId": null, "clientId": null,
                         "advertiserIds": ["%1$s"], "level": "advertiser",
                         "entityId": "%1$s", "entityName": "Northwind", "entityDeleted": false, "grain": "week",
                         "timeZone": "America/New_York", "timeZones": ["America/New_York"], "currency": "USD",
                         "from": "2025-02-27", "to": "2025-03-03",
                         "points": [
                          {"period": "2025-W09", "start": "2025-02-24", "end": "2025-03-02", "partial": true,
                           "slotsInRange": 4, "slotsReported": 3,
                           "metrics": {"spend": "46.00", "impressions": "4100", "clicks": "61", "conversions": "6",
                             "conversionValue": "136.00", "videoViews": "360", "ctr": "0.0149", "cpc": "0.75",
                             "cpm": "11.22", "cpa": "7.67", "roas": "2.9565", "conversionRate": "0.0984"}},
                          {"period": "2025-W10", "start": "2025-03-03", "end": "2025-03-09", "partial": true,
                           "slotsInRange": 1, "slotsReported": 1,
                           "metrics": {"spend": "5.00", "impressions": "500", "clicks": "5", "conversions": "0",
                             "conversionValue": "0.00", "videoViews": null, "ctr": "0.0100", "cpc": "1.00",
                             "cpm": "10.00", "cpa": null, "roas": "0.0000", "conversionRate": "0.0000"}}],
                         "totals": {"slotsInRange": 5, "slotsReported": 4,
                           "metrics": {"spend": "51.00", "impressions": "4600", "clicks": "66", "conversions": "6",
                             "conversionValue": "136.00", "videoViews": null, "ctr": "0.0143", "cpc": "0.77",
                             "cpm": "11.09", "cpa": "8.50", "roas": "2.6667", "conversionRate": "0.0909"}}}
                        """.formatted(ADV), JsonCompareMode.STRICT);
    }

    @Test
    void showsEveryDayOfACampaignWithUnobservedDaysAsNullNotZero() {
        web.get().uri("/api/reporting/timeseries?advertiserId={a}&level=campaign&entityId={c}&grain=day"
                        + "&from=2025-02-27&to=2025-03-03", ADV, C1)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entityName").isEqualTo("Spring")
                .jsonPath("$.points[*].period")
                .isEqualTo(List.of("2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02", "2025-03-03"))
                .jsonPath("$.points[*].slotsReported").isEqualTo(List.of(1, 0, 0, 1, 1))
                .jsonPath("$.points[1].metrics.spend").isEmpty()
                .jsonPath("$.points[1].metrics.impressions").isEmpty()
                .jsonPath("$.points[*].partial").isEqualTo(List.of(false, false, false, false, false))
                .jsonPath("$.points[4].metrics.spend").isEqualTo("5.00")
                .jsonPath("$.totals.metrics.spend").isEqualTo("35.00")
                .jsonPath("$.totals.metrics.videoViews").isEmpty();
    }

    @Test
    void rollsUpByCalendarMonthAndSumsAllCampaignsWhenNoEntityIsNamed() {
        web.get().uri("/api/reporting/timeseries?advertiserId={a}&level=campaign&grain=month"
                        + "&from=2025-02-27&to=2025-03-03", ADV)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entityId").isEmpty()
                .jsonPath("$.points[*].period").isEqualTo(List.of("2025-02", "2025-03"))
                .jsonPath("$.points[*].start").isEqualTo(List.of("2025-02-01", "2025-03-01"))
                .jsonPath("$.points[*].end").isEqualTo(List.of("2025-02-28", "2025-03-31"))
                .jsonPath("$.points[*].slotsInRange").isEqualTo(List.of(2, 3))
                .jsonPath("$.points[*].metrics.spend").isEqualTo(List.of("10.00", "40.00"))
                .jsonPath("$.points[*].metrics.clicks").isEqualTo(List.of("10", "55"));
    }

    @Test
    void reportsLocalHoursFromHourlyObservationsAfterRedeliveryAndRestatement() {
        web.get().uri("/api/reporting/timeseries?advertiserId={a}&level=campaign&entityId={c}&grain=hour"
                        + "&from=2025-03-03&to=2025-03-03", ADV, C1)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.timeZone").isEqualTo(NY)
                .jsonPath("$.points.length()").isEqualTo(24)
                .jsonPath("$.points[0].period").isEqualTo("2025-03-03T00:00")
                .jsonPath("$.points[0].metrics.spend").isEmpty()
                .jsonPath("$.points[9].period").isEqualTo("2025-03-03T09:00")
                .jsonPath("$.points[9].metrics.spend").isEqualTo("1.50")
                .jsonPath("$.points[9].metrics.ctr").isEqualTo("0.0200")
                .jsonPath("$.points[23].metrics.spend").isEqualTo("0.25")
                .jsonPath("$.points[23].metrics.clicks").isEmpty()
                .jsonPath("$.totals.slotsReported").isEqualTo(2)
                .jsonPath("$.totals.metrics.spend").isEqualTo("1.75")
                .jsonPath("$.totals.metrics.impressions").isEqualTo("170")
                .jsonPath("$.totals.metrics.clicks").isEmpty()
                .jsonPath("$.totals.metrics.ctr").isEmpty();
    }

    @Test
    void reportsAdGroupsAndAdsByTheirOwnRows() {
        web.get().uri("/api/reporting/timeseries?advertiserId={a}&level=adgroup&entityId={g}&from=2025-03-02"
                        + "&to=2025-03-02", ADV, G1)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.level").isEqualTo("adgroup")
                .jsonPath("$.entityName").isEqualTo("Spring / Boots")
                .jsonPath("$.points[0].metrics.spend").isEqualTo("20.00")
                .jsonPath("$.points[0].metrics.conversions").isEmpty();
        web.get().uri("/api/reporting/timeseries?advertiserId={a}&level=ad&entityId={ad}&from=2025-03-02"
                        + "&to=2025-03-02", ADV, AD1)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entityName").isEqualTo("Boots video")
                .jsonPath("$.points[0].metrics.spend").isEqualTo("12.00")
                .jsonPath("$.points[0].metrics.cpc").isEqualTo("0.67");
    }

    @Test
    void roundsMoneyToTheCurrencysMinorUnits() {
        web.get().uri("/api/reporting/timeseries?advertiserId={a}&from=2025-03-01&to=2025-03-01", YEN)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.timeZone").isEqualTo("Asia/Tokyo")
                .jsonPath("$.currency").isEqualTo("JPY")
                .jsonPath("$.points[0].metrics.spend").isEqualTo("1234")
                .jsonPath("$.points[0].metrics.cpc").isEqualTo("412");
    }

    @Test
    void comparesTheOverviewWithThePreviousPeriodOfEqualLength() {
        web.get().uri("/api/reporting/overview?advertiserId={a}&from=2025-03-02&to=2025-03-03", ADV)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.timeZone").isEqualTo(NY)
                .jsonPath("$.currency").isEqualTo("USD")
                .jsonPath("$.advertiserName").isEqualTo("Northwind")
                .jsonPath("$.current.from").isEqualTo("2025-03-02")
                .jsonPath("$.current.daysReported").isEqualTo(2)
                .jsonPath("$.current.metrics.spend").isEqualTo("25.00")
                .jsonPath("$.previous.from").isEqualTo("2025-02-28")
                .jsonPath("$.previous.to").isEqualTo("2025-03-01")
                .jsonPath("$.previous.daysInRange").isEqualTo(2)
                .jsonPath("$.previous.daysReported").isEqualTo(1)
                .jsonPath("$.previous.metrics.spend").isEqualTo("16.00")
                .jsonPath("$.deltas.spend.change").isEqualTo("9.00")
                .jsonPath("$.deltas.spend.relativeChange").isEqualTo("0.5625")
                .jsonPath("$.deltas.impressions.change").isEqualTo("-600")
                .jsonPath("$.deltas.impressions.relativeChange").isEqualTo("-0.2857")
                .jsonPath("$.deltas.videoViews.change").isEmpty()
                .jsonPath("$.deltas.roas.relativeChange").isNotEmpty();
    }

    @Test
    void refusesToSumAnAdvertiserWhoseRowsAreInSeveralCurrencies() {
        web.get().uri("/api/reporting/timeseries?advertiserId={a}&from=2025-03-01&to=2025-03-01", MIXED)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("[EUR, USD]"));
        web.get().uri("/api/reporting/overview?advertiserId={a}&from=2025-03-01&to=2025-03-01", MIXED)
                .exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void badParametersAreBadRequestProblemsNamingTheParameter() {
        expectBadRequest("/api/reporting/timeseries?advertiserId=" + ADV + "&level=brand&from=2025-03-01&to=2025-03-01",
                "'level' must be one of advertiser, campaign, adgroup, ad; got 'brand'");
        expectBadRequest("/api/reporting/timeseries?advertiserId=" + ADV + "&grain=year&from=2025-03-01&to=2025-03-01",
                "'grain' must be one of hour, day, week, month; got 'year'");
        expectBadRequest("/api/reporting/timeseries?advertiserId=" + ADV + "&grain=hour&from=2025-01-01&to=2025-03-01",
                "the range 2025-01-01 to 2025-03-01 spans 60 days; at most 31 are allowed");
        expectBadRequest("/api/reporting/timeseries?advertiserId=" + ADV + "&entityId=" + C1
                + "&from=2025-03-01&to=2025-03-01",
                "at level advertiser, 'entityId' must be absent or the advertiser id '" + ADV + "'");
        expectBadRequest("/api/reporting/timeseries?advertiserId=" + ADV + "&from=2025-03-01&to=2025-03-01&format=xml",
                "'format' must be csv or json, got 'xml'");
        expectBadRequest("/api/reporting/overview?from=2025-03-01&to=2025-03-01", "'advertiserId', 'brand' or 'client' is required");
    }

    @Test
    void unknownEntityIsANotFoundProblem() {
        web.get().uri("/api/reporting/timeseries?advertiserId={a}&level=campaign&entityId=404&from=2025-03-01"
                        + "&to=2025-03-01", ADV)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("campaign '404' of advertiser '" + ADV
                        + "' is not known: no entity or metric of it has been observed");
    }

    @Test
    void ranksCampaignsByAMetricOrAKpiComputedFromTheirSums() {
        web.get().uri("/api/reporting/top?advertiserId={a}&level=campaign&metric=spend&from=2025-02-27&to=2025-03-03",
                        ADV)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.timeZone").isEqualTo(NY)
                .jsonPath("$.currency").isEqualTo("USD")
                .jsonPath("$.metric").isEqualTo("spend")
                .jsonPath("$.limit").isEqualTo(10)
                .jsonPath("$.rows[*].entityId").isEqualTo(List.of(C1, C2))
                .jsonPath("$.rows[*].rank").isEqualTo(List.of(1, 2))
                .jsonPath("$.rows[*].entityName").isEqualTo(List.of("Spring", "Old"))
                .jsonPath("$.rows[*].deleted").isEqualTo(List.of(false, true))
                .jsonPath("$.rows[*].daysReported").isEqualTo(List.of(3, 1))
                .jsonPath("$.rows[0].metrics.spend").isEqualTo("35.00")
                .jsonPath("$.rows[0].metrics.ctr").isEqualTo("0.0180")
                .jsonPath("$.rows[0].metrics.videoViews").isEmpty();
        web.get().uri("/api/reporting/top?advertiserId={a}&metric=cpc&order=asc&from=2025-02-27&to=2025-03-03", ADV)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows[*].entityId").isEqualTo(List.of(C2, C1))
                .jsonPath("$.rows[*].metrics.cpc").isEqualTo(List.of("0.75", "0.78"));
    }

    @Test
    void ranksEntitiesWithAMissingMetricLastAndHonoursTheLimit() {
        web.get().uri("/api/reporting/top?advertiserId={a}&metric=videoViews&from=2025-02-27&to=2025-03-03", ADV)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows[*].entityId").isEqualTo(List.of(C2, C1));
        web.get().uri("/api/reporting/top?advertiserId={a}&limit=1&from=2025-02-27&to=2025-03-03", ADV)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows[*].entityId").isEqualTo(List.of(C1));
    }

    @Test
    void breaksACampaignDownIntoItsAdGroups() {
        web.get().uri("/api/reporting/top?advertiserId={a}&level=adgroup&parentId={c}&from=2025-02-27&to=2025-03-03",
                        ADV, C1)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.parentId").isEqualTo(C1)
                .jsonPath("$.rows[*].entityId").isEqualTo(List.of(G1))
                .jsonPath("$.rows[0].parentId").isEqualTo(C1);
        web.get().uri("/api/reporting/top?advertiserId={a}&level=adgroup&parentId={c}&from=2025-02-27&to=2025-03-03",
                        ADV, C2)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows.length()").isEqualTo(0);
    }

    @Test
    void badRankingParametersAreBadRequestProblems() {
        String base = "/api/reporting/top?advertiserId=" + ADV + "&from=2025-03-01&to=2025-03-01";
        expectBadRequest(base + "&level=advertiser", "'level' of a ranking must be campaign, adgroup or ad");
        expectBadRequest(base + "&limit=0", "'limit' must be a whole number from 1 to 1000");
        expectBadRequest(base + "&limit=ten", "'limit' must be a whole number from 1 to 1000");
        expectBadRequest(base + "&order=up", "'order' must be asc or desc");
        expectBadRequest(base + "&metric=likes", "'metric' must be one of spend, impressions, clicks, conversions, "
                + "conversionValue, videoViews, ctr, cpc, cpm, cpa, roas, conversionRate; got 'likes'");
    }

    @Test
    void exportsATimeSeriesAsCsvWithAFileName() {
        String expectedBody = String.join("\r\n",
                "advertiserId,brandId,clientId,level,entityId,grain,timeZone,currency,period,start,end,partial,"
                        + "slotsInRange,"
                        + "slotsReported,spend,impressions,clicks,conversions,conversionValue,videoViews,ctr,cpc,cpm,"
                        + "cpa,roas,conversionRate",
                ADV + ",,,advertiser," + ADV + ",week,America/New_York,USD,2025-W09,2025-02-24,2025-03-02,true,4,3,"
                        + "46.00,4100,61,6,136.00,360,0.0149,0.75,11.22,7.67,2.9565,0.0984",
                ADV + ",,,advertiser," + ADV + ",week,America/New_York,USD,2025-W10,2025-03-03,2025-03-09,true,1,1,"
                        + "5.00,500,5,0,0.00,,0.0100,1.00,10.00,,0.0000,0.0000",
                "");
        for (var request : List.of(
                web.get().uri("/api/reporting/timeseries?advertiserId={a}&grain=week&from=2025-02-27&to=2025-03-03"
                        + "&format=csv", ADV),
                web.get().uri("/api/reporting/timeseries?advertiserId={a}&grain=week&from=2025-02-27&to=2025-03-03",
                        ADV).accept(new MediaType("text", "csv")))) {
            String body = request.exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith("text/csv")
                    .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"timeseries-" + ADV
                            + "-advertiser-week-2025-02-27-2025-03-03.csv\"")
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(body).isEqualTo(expectedBody);
        }
    }

    @Test
    void answersJsonWhenCsvIsAcceptedButNotPreferred() {
        web.get().uri("/api/reporting/timeseries?advertiserId={a}&from=2025-03-01&to=2025-03-01", ADV)
                .header("Accept", "application/json, text/csv;q=0.5")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().doesNotExist("Content-Disposition")
                .expectBody()
                .jsonPath("$.points[0].metrics.spend").isEqualTo("16.00");
    }

    @Test
    void exportsARankingAsAJsonArrayOfLabelledRows() {
        web.get().uri("/api/reporting/top?advertiserId={a}&from=2025-02-27&to=2025-03-03&format=json", ADV)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"top-" + ADV
                        + "-campaign-spend-2025-02-27-2025-03-03.json\"")
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].currency").isEqualTo("USD")
                .jsonPath("$[0].timeZone").isEqualTo(NY)
                .jsonPath("$[0].row.entityId").isEqualTo(C1)
                .jsonPath("$[1].row.metrics.spend").isEqualTo("15.00");
    }

    @Test
    void exportsTheOverviewAsOneCsvLinePerFigure() {
        String body = web.get().uri("/api/reporting/overview?advertiserId={a}&from=2025-03-02&to=2025-03-03"
                        + "&format=csv", ADV)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"overview-" + ADV
                        + "-2025-03-02-2025-03-03.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body.split("\r\n")).hasSize(13).contains(ADV
                + ",,,America/New_York,USD,spend,2025-03-02,2025-03-03,25.00,2025-02-28,2025-03-01,16.00,9.00,0.5625");
    }

    @Test
    void exportErrorsAreProblemsNotFiles() {
        web.get().uri("/api/reporting/timeseries?advertiserId=404404&from=2025-03-01&to=2025-03-01")
                .accept(new MediaType("text", "csv"))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.detail").isEqualTo("advertiser '404404' is not known: no entity or metric of it has been observed");
        web.get().uri("/api/reporting/timeseries?advertiserId=404404&from=2025-03-01&to=2025-03-01&format=csv")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(PROBLEM);
        web.get().uri("/api/reporting/top?advertiserId={a}&from=2025-03-01&to=2025-03-01&format=json", MIXED)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(PROBLEM);
    }

    private void expectBadRequest(String uri, String detail) {
        web.get().uri(uri)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody()
                .jsonPath("$.detail").isEqualTo(detail);
    }
}
