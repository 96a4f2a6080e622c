package io.adpulse.reporting;

import static io.adpulse.events.EntityLevel.CAMPAIGN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.Money;
import io.adpulse.events.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A CLIENT user ({@code X-Adpulse-Roles: CLIENT}, {@code X-Adpulse-Client}) sees only the advertisers of its own
 * client's brands on every read API: another client's advertiser, brand, client or report is a 404 exactly like an
 * unknown id, lists and unfiltered reports hold only its own advertisers, organic creator data is refused, and
 * writes stay refused. Each refusal is checked against an admin who gets the same resource, so a 404 can only come
 * from the scope.
 */
class ClientScopeApiTest extends ReportingServiceTest {

    private static final Instant T1 = Instant.parse("2025-05-02T06:00:00Z");
    private static final String MINE = "scope-mine-" + TestIds.next();
    private static final String THEIRS = "scope-theirs-" + TestIds.next();
    private static final String MY_CAMPAIGN = TestIds.next();
    private static final String THEIR_CAMPAIGN = TestIds.next();
    private static final String RANGE = "from=2025-05-01&to=2025-05-01";

    private static String myClient;
    private static String myBrand;
    private static String theirClient;
    private static String theirBrand;
    private static String theirReport;

    @BeforeEach
    void twoClientsWithOneAdvertiserEach() {
        if (myClient != null) {
            return;
        }
        for (String[] a : List.of(new String[] {MINE, MY_CAMPAIGN}, new String[] {THEIRS, THEIR_CAMPAIGN})) {
            kafka.publish(Observations.advertiser(a[0], "Adv " + a[0], "UTC", "USD", T1));
            kafka.publish(Observations.campaign(a[0], a[1], "Campaign " + a[1], false,
                    new Money(new BigDecimal("100"), "USD"), T1));
            kafka.publish(Observations.daily(CAMPAIGN, a[0], a[1], "2025-05-01", "UTC", "USD", T1, List.of(),
                    "spend", "7", "impressions", "100"));
        }
        kafka.awaitConsumed(Topics.ENTITIES);
        kafka.awaitConsumed(Topics.METRICS);
        myClient = BrandsApiTest.createClient(web, BrandsApiTest.unique("Mine"));
        myBrand = BrandsApiTest.createBrand(web, myClient, "My brand");
        BrandsApiTest.assign(web, myBrand, MINE);
        theirClient = BrandsApiTest.createClient(web, BrandsApiTest.unique("Theirs"));
        theirBrand = BrandsApiTest.createBrand(web, theirClient, "Their brand");
        BrandsApiTest.assign(web, theirBrand, THEIRS);
        theirReport = (String) web.post().uri("/api/reporting/reports").header("X-Adpulse-Roles", "ADMIN")
                .bodyValue(Map.of("clientId", theirClient, "weekStart", "2025-04-28"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("reportId");
    }

    @Test
    void answersAnotherClientsAdvertiserOnEveryDataApiAsIfItDidNotExist() {
        for (String format : List.of("", "&format=csv", "&format=json")) {
            hidden("/api/reporting/campaigns/daily?advertiserId=" + THEIRS + "&" + RANGE + format);
            hidden("/api/reporting/timeseries?advertiserId=" + THEIRS + "&" + RANGE + format);
            hidden("/api/reporting/overview?advertiserId=" + THEIRS + "&" + RANGE + format);
            hidden("/api/reporting/top?advertiserId=" + THEIRS + "&" + RANGE + format);
            hidden("/api/reporting/spend?advertiserId=" + THEIRS + "&" + RANGE + format);
            hidden("/api/reporting/pacing?advertiserId=" + THEIRS + format);
            hidden("/api/reporting/timeseries?client=" + theirClient + "&" + RANGE + format);
            hidden("/api/reporting/top?brand=" + theirBrand + "&" + RANGE + format);
            hidden("/api/reporting/spend?brand=" + theirBrand + "&" + RANGE + format);
            hidden("/api/reporting/pacing?client=" + theirClient + format);
            hidden("/api/reporting/rollups?by=brand&client=" + theirClient + "&" + RANGE + format);
        }
        // naming its own advertiser beside another client's does not let the other through
        hidden("/api/reporting/spend?advertiserId=" + MINE + "," + THEIRS + "&" + RANGE);
        hidden("/api/reporting/clients/" + theirClient);
        hidden("/api/reporting/brands/" + theirBrand);
        hidden("/api/reporting/brands?clientId=" + theirClient);
        hidden("/api/reporting/reports/" + theirReport + ".html");
        hidden("/api/reporting/reports/" + theirReport + ".csv");
    }

    @Test
    void servesItsOwnAdvertiserOnTheSameApis() {
        Map<String, String> answers = Map.of(
                "/api/reporting/campaigns/daily?advertiserId=" + MINE + "&" + RANGE, MY_CAMPAIGN,
                "/api/reporting/timeseries?advertiserId=" + MINE + "&" + RANGE, MINE,
                "/api/reporting/overview?client=" + myClient + "&" + RANGE, MINE,
                "/api/reporting/top?brand=" + myBrand + "&" + RANGE, MY_CAMPAIGN,
                "/api/reporting/pacing?advertiserId=" + MINE, MY_CAMPAIGN,
                "/api/reporting/clients/" + myClient, myBrand,
                "/api/reporting/brands/" + myBrand, MINE);
        answers.forEach((uri, expected) -> asClient(uri).expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).as(uri).contains(expected).doesNotContain(THEIRS)));
    }

    @Test
    void listsOnlyItsOwnAdvertisersClientsBrandsAndReports() {
        for (String uri : List.of("/api/reporting/advertisers", "/api/reporting/spend?" + RANGE,
                "/api/reporting/pacing", "/api/reporting/spend?" + RANGE + "&format=csv",
                "/api/reporting/pacing?format=json")) {
            admin(uri).expectStatus().isOk().expectBody(String.class)
                    .value(body -> assertThat(body).as(uri).contains(MINE, THEIRS));
            asClient(uri).expectStatus().isOk().expectBody(String.class)
                    .value(body -> assertThat(body).as(uri).contains(MINE).doesNotContain(THEIRS));
        }
        asClient("/api/reporting/clients").expectStatus().isOk().expectBody()
                .jsonPath("$.clients[*].clientId").isEqualTo(List.of(myClient));
        asClient("/api/reporting/brands").expectStatus().isOk().expectBody()
                .jsonPath("$.brands[*].brandId").isEqualTo(List.of(myBrand));
        asClient("/api/reporting/rollups?by=brand&" + RANGE).expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains(myBrand).doesNotContain(theirBrand));
        admin("/api/reporting/reports?clientId=" + theirClient).expectStatus().isOk().expectBody()
                .jsonPath("$.reports[*].reportId").isEqualTo(List.of(theirReport));
        asClient("/api/reporting/reports?clientId=" + theirClient).expectStatus().isOk().expectBody()
                .jsonPath("$.reports").isEmpty();
        asClient("/api/reporting/reports").expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain(theirReport, theirClient));
    }

    @Test
    void seesNothingWhenTheGatewayNamesNoClient() {
        web.get().uri("/api/reporting/advertisers").header("X-Adpulse-Roles", "CLIENT").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.advertisers").isEmpty();
        web.get().uri("/api/reporting/clients").header("X-Adpulse-Roles", "CLIENT").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.clients").isEmpty();
        web.get().uri("/api/reporting/spend?" + RANGE).header("X-Adpulse-Roles", "CLIENT").exchange()
                .expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body).doesNotContain(MINE));
        web.get().uri("/api/reporting/rollups?by=client&" + RANGE).header("X-Adpulse-Roles", "CLIENT").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void refusesOrganicCreatorDataAndEveryWrite() {
        asClient("/api/reporting/organic/videos?openId=x").expectStatus().isForbidden();
        asClient("/api/reporting/organic/videos?openId=x&format=csv").expectStatus().isForbidden();
        asClient("/api/reporting/organic/overview?openId=x").expectStatus().isForbidden();
        client(web.post().uri("/api/reporting/clients").bodyValue(Map.of("name", "x"))).exchange()
                .expectStatus().isForbidden();
        client(web.put().uri("/api/reporting/brands/{b}/advertisers/{a}", myBrand, THEIRS)).exchange()
                .expectStatus().isForbidden();
        client(web.post().uri("/api/reporting/reports").bodyValue(Map.of("clientId", myClient))).exchange()
                .expectStatus().isForbidden();
    }

    /** An admin gets it; the CLIENT user gets the same 404 as for an unknown id. */
    private void hidden(String uri) {
        admin(uri).expectStatus().value(status -> assertThat(status).as("admin " + uri).isEqualTo(200));
        asClient(uri).expectStatus().value(status -> assertThat(status).as("client " + uri)
                .isEqualTo(HttpStatus.NOT_FOUND.value()));
    }

    private WebTestClient.ResponseSpec admin(String uri) {
        return web.get().uri(uri).header("X-Adpulse-Actor", "ada").header("X-Adpulse-Roles", "ADMIN").exchange();
    }

    private WebTestClient.ResponseSpec asClient(String uri) {
        return client(web.get().uri(uri)).exchange();
    }

    private static <S extends WebTestClient.RequestHeadersSpec<?>> S client(S spec) {
        spec.header("X-Adpulse-Actor", "clara").header("X-Adpulse-Roles", "CLIENT").header("X-Adpulse-Client", myClient);
        return spec;
    }
}
