package io.adpulse.reporting.report;

import static io.adpulse.events.EntityLevel.CAMPAIGN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.ReportGenerated;
import io.adpulse.events.Topics;
import io.adpulse.reporting.BrandsApiTest;
import io.adpulse.reporting.Observations;
import io.adpulse.reporting.ReportingServiceTest;
import io.adpulse.reporting.TestIds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Weekly reports: the schedule at Monday 06:00 UTC and after, per client and per brand, waiting for advertisers whose
 * week is not over yet; the stored HTML (escaped) and CSV downloads; the list; on-demand generation; and the
 * {@code ReportGenerated} announcement of every generation.
 *
 * <p>Client R owns brand R1 (advertiser in New York, USD, a campaign with a hostile name) and brand R2 (Tokyo, JPY);
 * client H owns brand H1 (Honolulu, USD).
 */
class WeeklyReportsApiTest extends ReportingServiceTest {

    private static final Instant T1 = Instant.parse("2025-07-15T00:00:00Z");
    private static final String NY_ADV = TestIds.next();
    private static final String TOKYO_ADV = TestIds.next();
    private static final String HONOLULU_ADV = TestIds.next();
    private static final String HOSTILE = TestIds.next();
    private static final String HOSTILE_NAME = "<script>alert(1)</script> & \"Sale\"";
    private static final LocalDate WEEK = LocalDate.parse("2025-07-07");
    private static final EventCodec CODEC = new EventCodec();

    private static String r;
    private static String r1;
    private static String r2;
    private static String h;
    private static String h1;

    @Autowired
    private ReportSchedule schedule;

    @BeforeEach
    void setUpClientsAndTheirWeek() {
        if (r != null) {
            return;
        }
        kafka.publish(Observations.advertiser(NY_ADV, "Empire <Ads>", "America/New_York", "USD", T1));
        kafka.publish(Observations.advertiser(TOKYO_ADV, "Tokyo", "Asia/Tokyo", "JPY", T1));
        kafka.publish(Observations.advertiser(HONOLULU_ADV, "Aloha", "Pacific/Honolulu", "USD", T1));
        kafka.publish(Observations.campaign(NY_ADV, HOSTILE, HOSTILE_NAME, false, null, T1));
        kafka.publish(Observations.daily(CAMPAIGN, NY_ADV, HOSTILE, "2025-07-07", "America/New_York", "USD", T1,
                List.of(), "spend", "10", "impressions", "1000", "clicks", "10"));
        kafka.publish(Observations.daily(CAMPAIGN, NY_ADV, HOSTILE, "2025-07-13", "America/New_York", "USD", T1,
                List.of(), "spend", "5", "impressions", "500", "clicks", "5"));
        kafka.publish(Observations.daily(CAMPAIGN, NY_ADV, HOSTILE, "2025-07-14", "America/New_York", "USD", T1,
                List.of(), "spend", "99"));
        kafka.publish(Observations.daily(CAMPAIGN, TOKYO_ADV, TestIds.next(), "2025-07-08", "Asia/Tokyo", "JPY", T1,
                List.of(), "spend", "1000"));
        kafka.publish(Observations.daily(CAMPAIGN, HONOLULU_ADV, TestIds.next(), "2025-07-13", "Pacific/Honolulu",
                "USD", T1, List.of(), "spend", "3"));
        kafka.awaitConsumed(Topics.ENTITIES);
        kafka.awaitConsumed(Topics.METRICS);
        r = BrandsApiTest.createClient(web, BrandsApiTest.unique("Reported <Co>"));
        r1 = BrandsApiTest.createBrand(web, r, "East");
        r2 = BrandsApiTest.createBrand(web, r, "West");
        BrandsApiTest.assign(web, r1, NY_ADV);
        BrandsApiTest.assign(web, r2, TOKYO_ADV);
        h = BrandsApiTest.createClient(web, BrandsApiTest.unique("Island"));
        h1 = BrandsApiTest.createBrand(web, h, "Surf");
        BrandsApiTest.assign(web, h1, HONOLULU_ADV);

        clock.set(Instant.parse("2025-07-14T06:00:00Z"));
        schedule.due().collectList().block();
        clock.set(Instant.parse("2025-07-14T10:00:00Z"));
        schedule.due().collectList().block();
        schedule.due().collectList().block();
    }

    private List<Map<String, Object>> reports(String clientId) {
        return web.get().uri("/api/reporting/reports?clientId={c}", clientId)
                .exchange()
                .expectStatus().isOk()
                .expectBody(ReportsBody.class).returnResult().getResponseBody().reports();
    }

    record ReportsBody(List<Map<String, Object>> reports) {
    }

    private static Map<String, Object> of(List<Map<String, Object>> reports, String brandId) {
        return reports.stream().filter(m -> java.util.Objects.equals(m.get("brandId"), brandId)).findFirst()
                .orElseThrow();
    }

    private static ReportGenerated announced(String clientId, String reportId) {
        var record = kafka.awaitRecord(Topics.REPORTS, rec -> clientId.equals(rec.key())
                && CODEC.decode(rec.value(), ReportGenerated.class).data().reportId().equals(reportId));
        EventEnvelope<ReportGenerated> event = CODEC.decode(record.value(), ReportGenerated.class);
        assertThat(event.subject()).isEqualTo(clientId);
        return event.data();
    }

    @Test
    void theScheduleGeneratesOneReportPerClientAndBrandOfTheWeekThatEndedAndAnnouncesEach() {
        List<Map<String, Object>> stored = reports(r);
        assertThat(stored).hasSize(3);
        assertThat(stored).allSatisfy(report -> {
            assertThat(report.get("periodStart")).isEqualTo("2025-07-07");
            assertThat(report.get("periodEnd")).isEqualTo("2025-07-13");
            assertThat(report.get("scheduled")).isEqualTo(true);
            assertThat(report.get("requestedBy")).isEqualTo("schedule");
            assertThat(report.get("kind")).isEqualTo("WEEKLY");
            assertThat(report.get("generatedAt")).isEqualTo("2025-07-14T06:00:00Z");
        });
        assertThat(stored).extracting(m -> m.get("brandId")).containsExactlyInAnyOrder(null, r1, r2);

        for (Map<String, Object> report : stored) {
            ReportGenerated event = announced(r, (String) report.get("reportId"));
            assertThat(event.kind()).isEqualTo("WEEKLY");
            assertThat(event.brandId()).isEqualTo(report.get("brandId"));
            assertThat(event.periodStart()).isEqualTo(WEEK);
            assertThat(event.periodEnd()).isEqualTo(LocalDate.parse("2025-07-13"));
            assertThat(event.formats()).containsExactly("html", "csv");
            assertThat(event.requestedBy()).isEqualTo("schedule");
        }
    }

    @Test
    void aClientWhoseAdvertisersWeekWasNotOverAtTheRunGetsItsReportOnceItIs() {
        List<Map<String, Object>> island = reports(h);
        assertThat(island).hasSize(2);
        assertThat(island).allSatisfy(report -> {
            assertThat(report.get("periodStart")).isEqualTo("2025-07-07");
            assertThat(report.get("generatedAt")).isEqualTo("2025-07-14T10:00:00Z");
        });
        announced(h, (String) of(island, h1).get("reportId"));
    }

    @Test
    void downloadsTheReportAsEscapedHtmlAndAsCsv() {
        String id = (String) of(reports(r), r1).get("reportId");
        String html = web.get().uri("/api/reporting/reports/{id}.html", id)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"report-" + r + "-" + r1
                        + "-2025-07-07.html\"")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).doesNotContain("<script>").doesNotContain("<Ads>").doesNotContain("<Co>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Sale&quot;")
                .contains("Empire &lt;Ads&gt;")
                .contains("2025-07-07 to 2025-07-13")
                .contains("<td>15.00</td>");

        String csv = web.get().uri("/api/reporting/reports/{id}.csv", id)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"report-" + r + "-" + r1
                        + "-2025-07-07.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("section,clientId,clientName,brandId,brandName,weekStart,weekEnd,"
                + "advertiserId,advertiserName,timeZone,campaignId,campaignName,currency,daysReported,spend,");
        assertThat(lines[1]).startsWith("advertiser," + r + ",").contains("," + r1 + ",East,2025-07-07,2025-07-13,"
                + NY_ADV + ",Empire <Ads>,America/New_York,,,USD,2,15.00,1500,15,");
        assertThat(lines[2]).startsWith("campaign,").contains(HOSTILE + ",\"<script>alert(1)</script> & \"\"Sale\"\"\","
                + "USD,2,15.00,");
        assertThat(lines[3]).startsWith("total,").contains(",USD,1,15.00,");
    }

    @Test
    void theClientReportCoversEveryBrandPerCurrency() {
        String id = (String) of(reports(r), null).get("reportId");
        String csv = web.get().uri("/api/reporting/reports/{id}.csv", id)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.split("\r\n")).filteredOn(l -> l.startsWith("total,")).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains(",JPY,1,1000,"))
                .anySatisfy(l -> assertThat(l).contains(",USD,1,15.00,"));
        assertThat(csv).contains(",Tokyo,Asia/Tokyo,,,JPY,1,1000,");
    }

    @Test
    void anOperatorRegeneratesAReportOnDemandWhichIsAnnouncedToo() {
        clock.set(Instant.parse("2025-07-16T12:00:00Z"));
        var created = web.post().uri("/api/reporting/reports")
                .header("X-Adpulse-Actor", "olga").header("X-Adpulse-Roles", "OPERATOR")
                .bodyValue(Map.of("clientId", r, "brandId", r1))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult();
        Map<?, ?> body = created.getResponseBody();
        String id = (String) body.get("reportId");
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/reporting/reports/" + id + ".html");
        assertThat(body.get("periodStart")).isEqualTo("2025-07-07");
        assertThat(body.get("scheduled")).isEqualTo(false);
        assertThat(body.get("requestedBy")).isEqualTo("olga");
        assertThat(((Map<?, ?>) body.get("links")).get("csv")).isEqualTo("/api/reporting/reports/" + id + ".csv");
        assertThat(announced(r, id).requestedBy()).isEqualTo("olga");
        web.get().uri("/api/reporting/reports/{id}.csv", id).exchange().expectStatus().isOk();

        web.post().uri("/api/reporting/reports").header("X-Adpulse-Roles", "ADMIN")
                .bodyValue(Map.of("clientId", r, "weekStart", "2025-06-30"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.brandId").isEmpty().jsonPath("$.periodEnd").isEqualTo("2025-07-06");
    }

    @Test
    void badGenerationRequestsAreProblems() {
        clock.set(Instant.parse("2025-07-16T12:00:00Z"));
        web.post().uri("/api/reporting/reports").header("X-Adpulse-Roles", "VIEWER")
                .bodyValue(Map.of("clientId", r))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail")
                .isEqualTo("this operation needs the role ADMIN or OPERATOR (header X-Adpulse-Roles)");
        expect(Map.of(), 400, "'clientId' is required");
        expect(Map.of("clientId", r, "weekStart", "2025-07-08"), 400,
                "'weekStart' must be a Monday (ISO weeks run Monday to Sunday), got 2025-07-08, a TUESDAY");
        expect(Map.of("clientId", r, "weekStart", "2025-07-14"), 400,
                "the week 2025-07-14 to 2025-07-20 is not over yet in every time zone of the advertisers "
                        + "[America/New_York, Asia/Tokyo]");
        expect(Map.of("clientId", "nope"), 404, "client 'nope' does not exist");
        expect(Map.of("clientId", r, "brandId", h1), 400, "brand '" + h1 + "' is not one of client '" + r + "'");
        web.get().uri("/api/reporting/reports/nope.html")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("report 'nope' does not exist");
        web.get().uri("/api/reporting/reports?limit=0")
                .exchange()
                .expectStatus().isBadRequest();
    }

    private void expect(Map<String, Object> body, int status, String detail) {
        web.post().uri("/api/reporting/reports").header("X-Adpulse-Roles", "ADMIN")
                .bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo(detail);
    }
}
