package io.adpulse.alerting.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.AlertingServiceTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The alert history: filters by advertiser, rule, severity and start time, paging, and refused filters. */
class AlertHistoryApiTest extends AlertingServiceTest {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    /** Advertiser ids of this test only, so the shared context's other alerts never match. */
    private final String adv1 = "hist-" + UUID.randomUUID();
    private final String adv2 = "hist-" + UUID.randomUUID();

    @BeforeEach
    void history() {
        episode(adv1, "daily-budget-pacing", "WARNING", "2026-11-01T10:00:00Z");
        episode(adv1, "daily-budget-pacing", "CRITICAL", "2026-11-02T10:00:00Z");
        episode(adv1, "roas-below-target", "WARNING", "2026-11-03T10:00:00Z");
        episode(adv2, "daily-budget-pacing", "WARNING", "2026-11-04T10:00:00Z");
    }

    @Test
    void filtersByAdvertiserRuleSeverityAndStartNewestFirst() {
        assertThat(starts("advertiserId=" + adv1)).containsExactly("2026-11-03T10:00:00Z", "2026-11-02T10:00:00Z",
                "2026-11-01T10:00:00Z");
        assertThat(starts("advertiserId=" + adv1 + "&rule=daily-budget-pacing"))
                .containsExactly("2026-11-02T10:00:00Z", "2026-11-01T10:00:00Z");
        assertThat(starts("advertiserId=" + adv1 + "&severity=critical")).containsExactly("2026-11-02T10:00:00Z");
        assertThat(starts("advertiserId=" + adv1 + "&since=2026-11-02T00:00:00Z&until=2026-11-03T00:00:00Z"))
                .containsExactly("2026-11-02T10:00:00Z");
        assertThat(starts("advertiserId=" + adv2 + "&state=RESOLVED")).containsExactly("2026-11-04T10:00:00Z");
    }

    @Test
    void pagesWithLimitAndOffset() {
        assertThat(starts("advertiserId=" + adv1 + "&limit=2")).containsExactly("2026-11-03T10:00:00Z",
                "2026-11-02T10:00:00Z");
        assertThat(starts("advertiserId=" + adv1 + "&limit=2&offset=2")).containsExactly("2026-11-01T10:00:00Z");
    }

    @Test
    void keepsAClientUserToItsAdvertisersWhateverItAsksFor() {
        List<String> starts = web.get().uri("/api/alerting/alerts?advertiserId=" + adv2)
                .header("X-Adpulse-Roles", "CLIENT").header("X-Adpulse-Advertisers", adv1).exchange()
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(alert -> (String) alert.get("startsAt")).toList();
        assertThat(starts).isEmpty();
    }

    @Test
    void refusesFiltersThatDoNotParseWithAReason() {
        for (String query : List.of("severity=urgent", "since=yesterday", "limit=0", "offset=-1",
                "since=2026-11-03T00:00:00Z&until=2026-11-02T00:00:00Z")) {
            web.get().uri("/api/alerting/alerts?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isNotEmpty();
        }
    }

    private List<String> starts(String query) {
        return web.get().uri("/api/alerting/alerts?" + query).exchange()
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(alert -> Instant.parse((String) alert.get("startsAt")).toString()).toList();
    }

    /** A resolved episode that has been routed already, so no notification loop picks it up. */
    private void episode(String advertiserId, String rule, String severity, String startsAt) {
        Instant start = Instant.parse(startsAt);
        db.sql("insert into alert (fingerprint, rule, severity, state, labels, summary, starts_at, resolved_at,"
                        + " resolution, routed) values (:fingerprint, :rule, :severity, 'RESOLVED', cast(:labels as jsonb),"
                        + " 'history', :start, :end, 'condition cleared', true)")
                .bind("fingerprint", UUID.randomUUID().toString().replace("-", ""))
                .bind("rule", rule).bind("severity", severity)
                .bind("labels", "{\"advertiser_id\":\"" + advertiserId + "\"}")
                .bind("start", start).bind("end", start.plusSeconds(3600))
                .then().block();
    }
}
