package io.adpulse.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A CLIENT user ({@code X-Adpulse-Roles: CLIENT}, its advertisers in {@code X-Adpulse-Advertisers}) sees only the
 * alerts of its own advertisers, firing or resolved; alerts of other clients' advertisers and alerts of no advertiser
 * stay hidden; without its advertisers it sees none; the delivery log, silences and acknowledging are refused.
 */
class ClientScopeTest extends AlertingServiceTest {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    private final String mine = "adv-mine-" + UUID.randomUUID();
    private final String theirs = "adv-theirs-" + UUID.randomUUID();
    private final String unlabelled = "fp-none-" + UUID.randomUUID();

    @BeforeEach
    void alertsOfTwoClientsAndOfNoAdvertiser() {
        insert("fp-" + mine, "{\"advertiser_id\":\"" + mine + "\"}", false);
        insert("fp-" + mine + "-old", "{\"advertiser_id\":\"" + mine + "\"}", true);
        insert("fp-" + theirs, "{\"advertiser_id\":\"" + theirs + "\"}", false);
        insert("fp-" + theirs + "-old", "{\"advertiser_id\":\"" + theirs + "\"}", true);
        insert(unlabelled, "{\"connection_id\":\"conn-1\"}", false);
    }

    @Test
    void listsOnlyTheAlertsOfItsOwnAdvertisersFiringOrResolved() {
        for (String query : List.of("", "?state=FIRING", "?state=RESOLVED")) {
            String admin = get("/api/alerting/alerts" + query, "ADMIN", null).expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(admin).as(query).contains(theirs).contains(mine);
            get("/api/alerting/alerts" + query, "CLIENT", mine + ",adv-elsewhere").expectStatus().isOk()
                    .expectBody(String.class).value(body -> assertThat(body).as(query).contains(mine)
                            .doesNotContain(theirs).doesNotContain(unlabelled));
        }
        get("/api/alerting/alerts", "CLIENT", mine).expectStatus().isOk().expectBody()
                .jsonPath("$[*].labels.advertiser_id").value((Object ids) -> assertThat((List<Object>) ids).containsOnly(mine));
    }

    @Test
    void seesNoAlertWithoutItsAdvertisers() {
        get("/api/alerting/alerts", "CLIENT", null).expectStatus().isOk().expectBody().json("[]");
        get("/api/alerting/alerts", "CLIENT", "").expectStatus().isOk().expectBody().json("[]");
    }

    @Test
    void refusesTheDeliveryLogSilencesAndAcknowledging() {
        get("/api/alerting/deliveries", "CLIENT", mine).expectStatus().isForbidden();
        get("/api/alerting/silences", "CLIENT", mine).expectStatus().isForbidden();
        get("/api/alerting/silences/" + UUID.randomUUID(), "CLIENT", mine).expectStatus().isForbidden();
        web.post().uri("/api/alerting/alerts/{f}/ack", "fp-" + mine).header("X-Adpulse-Roles", "CLIENT")
                .header("X-Adpulse-Advertisers", mine).exchange().expectStatus().isForbidden();
        web.post().uri("/api/alerting/deliveries/1/retry").header("X-Adpulse-Roles", "CLIENT").exchange()
                .expectStatus().isForbidden();
        web.delete().uri("/api/alerting/silences/{id}", UUID.randomUUID()).header("X-Adpulse-Roles", "CLIENT")
                .exchange().expectStatus().isForbidden();
        get("/api/alerting/deliveries", "OPERATOR", null).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec get(String uri, String roles, String advertisers) {
        return web.get().uri(uri).headers(h -> {
            h.set("X-Adpulse-Roles", roles);
            if (advertisers != null) {
                h.set("X-Adpulse-Advertisers", advertisers);
            }
        }).exchange();
    }

    private void insert(String fingerprint, String labels, boolean resolved) {
        db.sql("insert into alert (fingerprint, rule, severity, state, labels, summary, starts_at, resolved_at) "
                        + "values (:f, 'daily-budget-pacing', 'WARNING', :state, cast(:labels as jsonb), 'test', now(), "
                        + (resolved ? "now()" : "null") + ")")
                .bind("f", fingerprint).bind("state", resolved ? "RESOLVED" : "FIRING").bind("labels", labels)
                .then().block();
    }
}
