package io.adpulse.reporting;

import static io.adpulse.events.EntityLevel.ADVERTISER;
import static io.adpulse.events.EntityLevel.CAMPAIGN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

/**
 * The brand and client filters of the spend, time series, overview and top reports, the roll-ups by brand and by
 * client per currency, and their conversion through the daily FX table (admin API and configuration).
 *
 * <p>Client C owns brand B1 (U1, New York, USD: its own advertiser row on 05-05, a campaign on 05-06; U2, Chicago,
 * USD: campaigns only) and brand B2 (E1, Berlin, EUR). Client K owns brand B3 (P1, London, GBP).
 */
class GroupReportsApiTest extends ReportingServiceTest {

    private static final Instant T1 = Instant.parse("2025-05-07T06:00:00Z");
    private static final String U1 = TestIds.next();
    private static final String U2 = TestIds.next();
    private static final String E1 = TestIds.next();
    private static final String P1 = TestIds.next();
    private static final String CU1 = TestIds.next();
    private static final String CU2 = TestIds.next();
    private static final String CE1 = TestIds.next();
    private static final String CP1 = TestIds.next();
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private static String client;
    private static String clientName;
    private static String b1;
    private static String b2;
    private static String k;
    private static String b3;

    @BeforeEach
    void groupThreeAdvertisersInTwoCurrencies() {
        if (client != null) {
            return;
        }
        String ny = "America/New_York";
        String chicago = "America/Chicago";
        kafka.publish(Observations.advertiser(U1, "Uno", ny, "USD", T1));
        kafka.publish(Observations.advertiser(U2, "Dos", chicago, "USD", T1));
        kafka.publish(Observations.advertiser(E1, "Eins", "Europe/Berlin", "EUR", T1));
        kafka.publish(Observations.advertiser(P1, "Pound", "Europe/London", "GBP", T1));
        kafka.publish(Observations.campaign(U1, CU1, "Uno Spring", false, null, T1));
        kafka.publish(Observations.campaign(U2, CU2, "Dos <b>Sale</b>", false, null, T1));
        kafka.publish(Observations.daily(ADVERTISER, U1, U1, "2025-05-05", ny, "USD", T1, List.of(), "spend", "10",
                "impressions", "1000", "clicks", "10"));
        kafka.publish(Observations.daily(CAMPAIGN, U1, CU1, "2025-05-06", ny, "USD", T1, List.of(), "spend", "5",
                "impressions", "500", "clicks", "5"));
        kafka.publish(Observations.daily(CAMPAIGN, U2, CU2, "2025-05-05", chicago, "USD", T1, List.of(), "spend", "20",
                "impressions", "1000", "clicks", "30"));
        kafka.publish(Observations.daily(CAMPAIGN, U2, CU2, "2025-05-06", chicago, "USD", T1, List.of(), "spend", "1",
                "impressions", "100", "clicks", "1"));
        kafka.publish(Observations.daily(CAMPAIGN, E1, CE1, "2025-05-05", "Europe/Berlin", "EUR", T1, List.of(),
                "spend", "8", "impressions", "400", "clicks", "4"));
        kafka.publish(Observations.daily(CAMPAIGN, P1, CP1, "2025-05-06", "Europe/London", "GBP", T1, List.of(),
                "spend", "4", "impressions", "100", "clicks", "2"));
        kafka.awaitConsumed(Topics.ENTITIES);
        kafka.awaitConsumed(Topics.METRICS);

        clientName = BrandsApiTest.unique("Client C");
        client = BrandsApiTest.createClient(web, clientName);
        b1 = BrandsApiTest.createBrand(web, client, "Alpha");
        b2 = BrandsApiTest.createBrand(web, client, "Beta");
        BrandsApiTest.assign(web, b1, U1);
        BrandsApiTest.assign(web, b1, U2);
        BrandsApiTest.assign(web, b2, E1);
        k = BrandsApiTest.createClient(web, BrandsApiTest.unique("Client K"));
        b3 = BrandsApiTest.createBrand(web, k, "Gamma");
        BrandsApiTest.assign(web, b3, P1);
    }

    @Test
    void spendIsFilteredByBrandByClientAndByBothWithAnAdvertiser() {
        web.get().uri("/api/reporting/spend?from=2025-05-05&to=2025-05-06&brand={b}", b1)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.brandId").isEqualTo(b1)
                .jsonPath("$.clientId").isEmpty()
                .jsonPath("$.advertiserIds").isEmpty()
                .jsonPath("$.rows[*].advertiserId").isEqualTo(List.of(U1, U1, U2, U2))
                .jsonPath("$.rows[*].source").isEqualTo(List.of("ADVERTISER", "CAMPAIGNS", "CAMPAIGNS", "CAMPAIGNS"))
                .jsonPath("$.totals.length()").isEqualTo(1)
                .jsonPath("$.totals[0].spend").isEqualTo("36.00")
                .jsonPath("$.totals[0].advertisers").isEqualTo(2);
        web.get().uri("/api/reporting/spend?from=2025-05-05&to=2025-05-06&client={c}", client)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.clientId").isEqualTo(client)
                .jsonPath("$.totals[*].currency").isEqualTo(List.of("EUR", "USD"))
                .jsonPath("$.totals[*].spend").isEqualTo(List.of("8.00", "36.00"));
        web.get().uri("/api/reporting/spend?from=2025-05-05&to=2025-05-06&client={c}&advertiserId={a},{e}", client,
                        U2, P1)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows[*].advertiserId").isEqualTo(List.of(U2, U2));
        web.get().uri("/api/reporting/spend?from=2025-05-05&to=2025-05-06&client={c}&brand={b}", k, b1)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows").isEmpty()
                .jsonPath("$.totals").isEmpty();
    }

    @Test
    void unknownBrandsAndClientsAreNotFoundProblems() {
        for (String query : List.of("/api/reporting/spend?from=2025-05-05&to=2025-05-06&brand=nope",
                "/api/reporting/timeseries?from=2025-05-05&to=2025-05-06&brand=nope",
                "/api/reporting/overview?from=2025-05-05&to=2025-05-06&brand=nope",
                "/api/reporting/top?from=2025-05-05&to=2025-05-06&brand=nope&format=csv",
                "/api/reporting/rollups?from=2025-05-05&to=2025-05-06&brand=nope")) {
            web.get().uri(query)
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(PROBLEM)
                    .expectBody().jsonPath("$.detail").isEqualTo("brand 'nope' does not exist");
        }
        web.get().uri("/api/reporting/spend?from=2025-05-05&to=2025-05-06&client=nope")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("client 'nope' does not exist");
        web.get().uri("/api/reporting/spend?from=2025-05-05&to=2025-05-06&brand={b}", " ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("'brand' must not be blank");
    }

    @Test
    void aBrandTimeSeriesSumsItsAdvertisersOnTheirLocalDatesInTheirOneCurrency() {
        web.get().uri("/api/reporting/timeseries?brand={b}&from=2025-05-05&to=2025-05-06", b1)
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"advertiserId": null, "advertiserName": null, "brandId": "%s", "clientId": null,
                         "advertiserIds": ["%s", "%s"], "level": "advertiser", "entityId": null, "entityName": null,
                         "entityDeleted": null, "grain": "day", "timeZone": null,
                         "timeZones": ["America/Chicago", "America/New_York"], "currency": "USD",
                         "from": "2025-05-05", "to": "2025-05-06",
                         "points": [
                          {"period": "2025-05-05", "start": "2025-05-05", "end": "2025-05-05", "partial": false,
                           "slotsInRange": 1, "slotsReported": 1,
                           "metrics": {"spend": "30.00", "impressions": "2000", "clicks": "40", "conversions": null,
                             "conversionValue": null, "videoViews": null, "ctr": "0.0200", "cpc": "0.75",
                             "cpm": "15.00", "cpa": null, "roas": null, "conversionRate": null}},
                          {"period": "2025-05-06", "start": "2025-05-06", "end": "2025-05-06", "partial": false,
                           "slotsInRange": 1, "slotsReported": 1,
                           "metrics": {"spend": "6.00", "impressions": "600", "clicks": "6", "conversions": null,
                             "conversionValue": null, "videoViews": null, "ctr": "0.0100", "cpc": "1.00",
                             "cpm": "10.00", "cpa": null, "roas": null, "conversionRate": null}}],
                         "totals": {"slotsInRange": 2, "slotsReported": 2,
                           "metrics": {"spend": "36.00", "impressions": "2600", "clicks": "46", "conversions": null,
                             "conversionValue": null, "videoViews": null, "ctr": "0.0177", "cpc": "0.78",
                             "cpm": "13.85", "cpa": null, "roas": null, "conversionRate": null}}}
                        """.formatted(b1, U1, U2), JsonCompareMode.STRICT);
        web.get().uri("/api/reporting/timeseries?brand={b}&level=campaign&from=2025-05-05&to=2025-05-06", b1)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.points[*].metrics.spend").isEqualTo(List.of("20.00", "6.00"));
    }

    @Test
    void aBrandOrClientReportOverSeveralCurrenciesIsRefusedNotSummed() {
        for (String path : List.of("timeseries", "overview", "top")) {
            web.get().uri("/api/reporting/" + path + "?client={c}&from=2025-05-05&to=2025-05-06", client)
                    .exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentTypeCompatibleWith(PROBLEM)
                    .expectBody().jsonPath("$.detail").isEqualTo("the advertisers of client '" + client
                            + "' have metrics in several currencies [EUR, USD] in this range; amounts in different "
                            + "currencies are never summed, see /api/reporting/rollups for totals per currency or "
                            + "converted with currency=");
        }
    }

    @Test
    void anAdvertiserNamedWithABrandMustBelongToIt() {
        web.get().uri("/api/reporting/overview?advertiserId={a}&brand={b}&from=2025-05-05&to=2025-05-06", U1, b1)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.advertiserId").isEqualTo(U1)
                .jsonPath("$.brandId").isEqualTo(b1)
                .jsonPath("$.current.metrics.spend").isEqualTo("15.00");
        web.get().uri("/api/reporting/overview?advertiserId={a}&brand={b}&from=2025-05-05&to=2025-05-06", E1, b1)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("advertiser '" + E1 + "' is not one of brand '" + b1
                        + "'");
        web.get().uri("/api/reporting/timeseries?brand={b}&level=campaign&entityId={c}&from=2025-05-05"
                        + "&to=2025-05-06", b1, CU1)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail")
                .isEqualTo("'entityId' needs 'advertiserId': a brand or client report covers whole levels");
    }

    @Test
    void aBrandOverviewAndRankingCoverAllItsAdvertisers() {
        web.get().uri("/api/reporting/overview?brand={b}&from=2025-05-05&to=2025-05-06", b1)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.advertiserIds").isEqualTo(List.of(U1, U2))
                .jsonPath("$.currency").isEqualTo("USD")
                .jsonPath("$.current.daysReported").isEqualTo(2)
                .jsonPath("$.current.metrics.spend").isEqualTo("36.00")
                .jsonPath("$.previous.metrics.spend").isEmpty()
                .jsonPath("$.deltas.spend.change").isEmpty();
        web.get().uri("/api/reporting/top?brand={b}&from=2025-05-05&to=2025-05-06", b1)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows[*].entityId").isEqualTo(List.of(CU2, CU1))
                .jsonPath("$.rows[*].advertiserId").isEqualTo(List.of(U2, U1))
                .jsonPath("$.rows[*].metrics.spend").isEqualTo(List.of("21.00", "5.00"));
    }

    @Test
    void brandExportsAreLabelledAndNamedAfterTheBrand() {
        String csv = web.get().uri("/api/reporting/top?brand={b}&from=2025-05-05&to=2025-05-06&format=csv", b1)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"top-brand-" + b1
                        + "-campaign-spend-2025-05-05-2025-05-06.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.split("\r\n")[1]).startsWith(U2 + "," + b1 + ",,campaign,America/Chicago,USD,2025-05-05,"
                + "2025-05-06,1," + CU2 + ",Dos <b>Sale</b>,");
        String series = web.get().uri("/api/reporting/timeseries?brand={b}&from=2025-05-05&to=2025-05-05&format=csv",
                        b1)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"timeseries-brand-" + b1
                        + "-advertiser-day-2025-05-05-2025-05-05.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(series.split("\r\n")[1]).startsWith("," + b1 + ",,advertiser,,day,America/Chicago;America/New_York,"
                + "USD,2025-05-05,2025-05-05,2025-05-05,false,1,1,30.00,");
        web.get().uri("/api/reporting/spend?from=2025-05-05&to=2025-05-06&client={c}&format=json", client)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"spend-client-" + client
                        + "-2025-05-05-2025-05-06.json\"")
                .expectBody().jsonPath("$.length()").isEqualTo(5);
        web.get().uri("/api/reporting/overview?brand={b}&from=2025-05-05&to=2025-05-06&format=json", b1)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].brandId").isEqualTo(b1)
                .jsonPath("$[0].timeZone").isEqualTo("America/Chicago;America/New_York")
                .jsonPath("$[0].current").isEqualTo("36.00");
    }

    @Test
    void rollsUpByBrandAndByClientPerCurrency() {
        web.get().uri("/api/reporting/rollups?by=brand&client={c}&from=2025-05-05&to=2025-05-06", client)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.by").isEqualTo("brand")
                .jsonPath("$.amounts").isEqualTo("PER_CURRENCY")
                .jsonPath("$.conversion").isEmpty()
                .jsonPath("$.rows[*].brandId").isEqualTo(List.of(b1, b2))
                .jsonPath("$.rows[*].brandName").isEqualTo(List.of("Alpha", "Beta"))
                .jsonPath("$.rows[*].clientName").isEqualTo(List.of(clientName, clientName))
                .jsonPath("$.rows[*].currency").isEqualTo(List.of("USD", "EUR"))
                .jsonPath("$.rows[*].advertisers").isEqualTo(List.of(2, 1))
                .jsonPath("$.rows[*].advertiserDays").isEqualTo(List.of(4, 1))
                .jsonPath("$.rows[*].metrics.spend").isEqualTo(List.of("36.00", "8.00"))
                .jsonPath("$.rows[*].metrics.cpc").isEqualTo(List.of("0.78", "2.00"));
        web.get().uri("/api/reporting/rollups?by=client&client={c}&from=2025-05-05&to=2025-05-06", client)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows[*].clientId").isEqualTo(List.of(client, client))
                .jsonPath("$.rows[*].brandId").isEqualTo(java.util.Arrays.asList(null, null))
                .jsonPath("$.rows[*].currency").isEqualTo(List.of("EUR", "USD"))
                .jsonPath("$.rows[*].metrics.spend").isEqualTo(List.of("8.00", "36.00"));
        web.get().uri("/api/reporting/rollups?by=brand&brand={b}&from=2025-05-05&to=2025-05-05", b2)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.brandId").isEqualTo(b2)
                .jsonPath("$.rows.length()").isEqualTo(1);
    }

    @Test
    void convertsThroughTheRateOfEachDayAndSaysWhichRatesItUsed() {
        web.get().uri("/api/reporting/rollups?by=client&client={c}&from=2025-05-05&to=2025-05-06&currency=usd",
                        client)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(PROBLEM)
                .expectBody().jsonPath("$.detail").isEqualTo("no FX rate EUR/USD for 2025-05-05; add it with PUT "
                        + "/api/reporting/fx-rates or report per currency without 'currency'");
        web.get().uri("/api/reporting/rollups?by=client&client={c}&from=2025-05-05&to=2025-05-06&currency=EUR",
                        client)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").isEqualTo("no FX rate USD/EUR for 2025-05-05 (and 1 more "
                        + "date/pair(s) missing); add it with PUT /api/reporting/fx-rates or report per currency "
                        + "without 'currency'");

        web.put().uri("/api/reporting/fx-rates")
                .header("X-Adpulse-Actor", "alice").header("X-Adpulse-Roles", "ADMIN")
                .bodyValue(Map.of("rates", List.of(Map.of("date", "2025-05-05", "base", "eur", "quote", "USD",
                        "rate", "1.1"))))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.upserted").isEqualTo(1);

        web.get().uri("/api/reporting/rollups?by=client&client={c}&from=2025-05-05&to=2025-05-06&currency=USD",
                        client)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.amounts").isEqualTo("CONVERTED")
                .jsonPath("$.conversion.currency").isEqualTo("USD")
                .jsonPath("$.conversion.rates.length()").isEqualTo(1)
                .jsonPath("$.conversion.rates[0].date").isEqualTo("2025-05-05")
                .jsonPath("$.conversion.rates[0].base").isEqualTo("EUR")
                .jsonPath("$.conversion.rates[0].source").isEqualTo("api")
                .jsonPath("$.rows.length()").isEqualTo(1)
                .jsonPath("$.rows[0].currency").isEqualTo("USD")
                .jsonPath("$.rows[0].advertisers").isEqualTo(3)
                .jsonPath("$.rows[0].metrics.spend").isEqualTo("44.80")
                .jsonPath("$.rows[0].metrics.impressions").isEqualTo("3000");
    }

    @Test
    void configuredRatesConvertAndAStoredRateWinsOverAConfiguredOne() {
        web.get().uri("/api/reporting/rollups?by=brand&client={k}&from=2025-05-06&to=2025-05-06&currency=USD", k)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.conversion.rates[0].source").isEqualTo("configuration")
                .jsonPath("$.rows[0].brandId").isEqualTo(b3)
                .jsonPath("$.rows[0].metrics.spend").isEqualTo("5.00");

        web.put().uri("/api/reporting/fx-rates").header("X-Adpulse-Roles", "ADMIN")
                .bodyValue(Map.of("rates", List.of(Map.of("date", "2025-05-07", "base", "GBP", "quote", "USD",
                        "rate", 3))))
                .exchange()
                .expectStatus().isOk();
        web.get().uri("/api/reporting/fx-rates?from=2025-05-06&to=2025-05-07&base=GBP")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rates[*].date").isEqualTo(List.of("2025-05-06", "2025-05-07"))
                .jsonPath("$.rates[*].source").isEqualTo(List.of("configuration", "api"))
                .jsonPath("$.rates[1].rate").isEqualTo(3);
    }

    @Test
    void badFxInputIsRefused() {
        web.put().uri("/api/reporting/fx-rates").header("X-Adpulse-Roles", "OPERATOR")
                .bodyValue(Map.of("rates", List.of()))
                .exchange()
                .expectStatus().isForbidden();
        for (var bad : List.of(
                Map.of("body", Map.of("rates", List.of()), "detail",
                        "'rates' is required: a non-empty list of {date, base, quote, rate}"),
                Map.of("body", Map.of("rates", List.of(Map.of("date", "2025-05-05", "base", "EURO", "quote", "USD",
                        "rate", 1))), "detail", "'base' must be a three-letter currency code, got 'EURO'"),
                Map.of("body", Map.of("rates", List.of(Map.of("date", "2025-05-05", "base", "USD", "quote", "USD",
                        "rate", 1))), "detail", "'base' and 'quote' must differ, got USD/USD"),
                Map.of("body", Map.of("rates", List.of(Map.of("date", "2025-05-05", "base", "EUR", "quote", "USD",
                        "rate", 0))), "detail", "'rate' of EUR/USD on 2025-05-05 must be a positive number"),
                Map.of("body", Map.of("rates", List.of(Map.of("base", "EUR", "quote", "USD", "rate", 1))),
                        "detail", "every rate needs a 'date' YYYY-MM-DD"))) {
            web.put().uri("/api/reporting/fx-rates").header("X-Adpulse-Roles", "ADMIN")
                    .bodyValue(bad.get("body"))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(PROBLEM)
                    .expectBody().jsonPath("$.detail").isEqualTo(bad.get("detail"));
        }
        web.get().uri("/api/reporting/rollups?by=brand&client={c}&from=2025-05-05&to=2025-05-06&currency=dollars",
                        client)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail")
                .isEqualTo("'currency' must be a three-letter currency code, got 'dollars'");
        web.get().uri("/api/reporting/rollups?by=campaign&from=2025-05-05&to=2025-05-06")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("'by' must be brand or client, got 'campaign'");
    }

    @Test
    void exportsARollupAsCsvAndJson() {
        String body = web.get().uri("/api/reporting/rollups?by=brand&client={c}&from=2025-05-05&to=2025-05-06"
                        + "&format=csv", client)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"rollup-brand-client-"
                        + client + "-2025-05-05-2025-05-06.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body.split("\r\n")).containsExactly(
                "by,from,to,brandId,brandName,clientId,clientName,currency,amounts,advertisers,advertiserDays,spend,"
                        + "impressions,clicks,conversions,conversionValue,videoViews,ctr,cpc,cpm,cpa,roas,"
                        + "conversionRate",
                "brand,2025-05-05,2025-05-06," + b1 + ",Alpha," + client + "," + clientName + ",USD,PER_CURRENCY,2,4,"
                        + "36.00,2600,46,,,,0.0177,0.78,13.85,,,",
                "brand,2025-05-05,2025-05-06," + b2 + ",Beta," + client + "," + clientName + ",EUR,PER_CURRENCY,1,1,"
                        + "8.00,400,4,,,,0.0100,2.00,20.00,,,");
        web.get().uri("/api/reporting/rollups?by=client&client={c}&from=2025-05-05&to=2025-05-06&format=json",
                        client)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"rollup-client-client-"
                        + client + "-2025-05-05-2025-05-06.json\"")
                .expectBody()
                .jsonPath("$[*].amounts").isEqualTo(List.of("PER_CURRENCY", "PER_CURRENCY"))
                .jsonPath("$[*].row.currency").isEqualTo(List.of("EUR", "USD"));
    }
}
