package io.adpulse.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.auth.support.FakeTikTok.Advertiser;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.EventType;
import io.adpulse.events.PrivacyCompleted;
import io.adpulse.events.PrivacyRequested;
import io.adpulse.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;

/** Erasure of one account's data: the request, auth-service's own part, and the per-service status. */
class PrivacyErasureTest extends AuthServiceTestBase {

    private static final String ERASURES = "/api/auth/privacy/erasures";
    private static final String ROLES = "X-Adpulse-Roles";

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    MeterRegistry meters;

    @Test
    void anExplicitErasureDisconnectsErasesAuthRowsAndIsCompleteOnceEveryServiceConfirmed() {
        String erased = uniqueAdvertiserId();
        String kept = uniqueAdvertiserId();
        String erasedToken = "act." + UUID.randomUUID();
        String keptToken = "act." + UUID.randomUUID();
        connect("alice", erasedToken, new Advertiser(erased, "Erased Co"));
        connect("alice", keptToken, new Advertiser(kept, "Kept Co"));

        Map<?, ?> created = web.post().uri(ERASURES).header(ROLES, "OPERATOR,ADMIN").header(ACTOR, "dpo")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("connectionId", "adv-" + erased))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) created.get("id");
        assertThat(created.get("status")).isEqualTo("PENDING");
        assertThat(created.get("reason")).isEqualTo("EXPLICIT");
        assertThat(created.get("advertiserIds")).isEqualTo(List.of(erased));

        PrivacyRequested published = CODEC.decode(awaitRecords(Topics.PRIVACY_REQUESTS, 1,
                r -> r.key().equals("adv-" + erased) && isType(r.value(), EventType.PRIVACY_REQUESTED)).get(0).value(),
                PrivacyRequested.class).data();
        assertThat(published.requestId()).isEqualTo(id);
        assertThat(published.kind()).isEqualTo(PrivacyRequested.Kind.ERASURE);
        assertThat(published.requestedBy()).isEqualTo("dpo");
        assertThat(published.advertiserIds()).containsExactly(erased);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri(ERASURES + "/" + id)
                .header(ROLES, "ADMIN").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("PENDING")
                .jsonPath("$.services[0].service").isEqualTo("auth-service")
                .jsonPath("$.services[0].status").isEqualTo("COMPLETED")
                .jsonPath("$.services[0].deletedRows.connection").isEqualTo(1)
                .jsonPath("$.services[1].service").isEqualTo("ingest-service")
                .jsonPath("$.services[1].status").isEqualTo("PENDING"));
        assertThat(TIKTOK.wasRevoked(erasedToken)).as("erasure disconnects first").isTrue();
        assertThat(count("select count(*) from connection where id = :id", "adv-" + erased)).isZero();
        assertThat(count("select count(*) from connection_token where connection_id = :id", "adv-" + erased)).isZero();
        assertThat(count("select count(*) from outbox where record_key = :id and topic = 'tiktok.connections.v1'",
                "adv-" + erased)).isZero();
        assertThat(occurrencesInDatabase(erasedToken)).isZero();
        assertThat(occurrencesInDatabase("Erased Co")).isZero();
        assertThat(count("select count(*) from connection where id = :id", "adv-" + kept)).isOne();
        assertThat(count("select count(*) from connection_token where connection_id = :id", "adv-" + kept)).isOne();

        for (String service : List.of("ingest-service", "reporting-service", "alerting-service", "audit-service")) {
            confirm(id, service, "adv-" + erased, Map.of("some_table", 3L));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri(ERASURES + "/" + id)
                .header(ROLES, "ADMIN").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETE")
                .jsonPath("$.completedAt").isNotEmpty()
                .jsonPath("$.services.length()").isEqualTo(5)
                .jsonPath("$.services[?(@.status == 'PENDING')]").isEmpty()
                .jsonPath("$.services[3].service").isEqualTo("alerting-service")
                .jsonPath("$.services[3].deletedRows.some_table").isEqualTo(3));
    }

    @Test
    void aRepeatedConfirmationDoesNotOverwriteTheFirst() {
        String advertiser = uniqueAdvertiserId();
        connect("alice", "act." + UUID.randomUUID(), new Advertiser(advertiser, "Twice Co"));
        String id = requestErasure("adv-" + advertiser);

        confirm(id, "reporting-service", "adv-" + advertiser, Map.of("daily_metric", 5L));
        confirm(id, "reporting-service", "adv-" + advertiser, Map.of("daily_metric", 0L));
        confirm(id, "ingest-service", "adv-" + advertiser, Map.of("published_fact", 1L));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri(ERASURES + "/" + id)
                .header(ROLES, "ADMIN").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.services[1].status").isEqualTo("COMPLETED")
                .jsonPath("$.services[2].deletedRows.daily_metric").isEqualTo(5));
    }

    @Test
    void disconnectingDoesNotEraseByDefaultButTheRetentionJobDoesAfterTheRetentionWindow() {
        String old = uniqueAdvertiserId();
        String recent = uniqueAdvertiserId();
        connect("alice", "act." + UUID.randomUUID(), new Advertiser(old, "Old Co"));
        connect("alice", "act." + UUID.randomUUID(), new Advertiser(recent, "Recent Co"));

        for (String advertiser : List.of(old, recent)) {
            web.delete().uri("/api/auth/connections/adv-" + advertiser).header(ACTOR, "bob").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.erasureRequestId").doesNotExist();
        }
        assertThat(count("select count(*) from privacy_request where connection_id = :id", "adv-" + old)).isZero();

        Instant now = clock.instant();
        backdateDisconnection("adv-" + old, now.minus(Duration.ofDays(91)));
        backdateDisconnection("adv-" + recent, now.minus(Duration.ofDays(89)));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from privacy_request where connection_id = :id and reason = 'DISCONNECT'"
                        + " and requested_by = 'retention'", "adv-" + old) == 1);
        assertThat(count("select count(*) from privacy_request where connection_id = :id", "adv-" + recent)).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from connection where id = :id",
                "adv-" + old) == 0);
        assertThat(count("select count(*) from privacy_request where connection_id = :id", "adv-" + old))
                .as("erased once only").isOne();
    }

    @Test
    void aRequestStillPendingPastItsSlaIsShownAsMissedListedAsOpenAndCountedForTheAlert() {
        String advertiser = uniqueAdvertiserId();
        connect("alice", "act." + UUID.randomUUID(), new Advertiser(advertiser, "Slow Co"));
        String id = requestErasure("adv-" + advertiser);
        Map<?, ?> fresh = web.get().uri(ERASURES + "/" + id).header(ROLES, "ADMIN").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(fresh.get("slaMissed")).isEqualTo(false);
        assertThat(Instant.parse((String) fresh.get("slaDeadline")))
                .isEqualTo(Instant.parse((String) fresh.get("requestedAt")).plus(Duration.ofMinutes(15)));
        web.get().uri(ERASURES).header(ROLES, "ADMIN").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].status").isEqualTo(List.of("PENDING"))
                .jsonPath("$[?(@.id == '" + id + "')].slaMissed").isEqualTo(List.of(false));

        clock.advance(Duration.ofMinutes(16));

        web.get().uri(ERASURES + "/" + id).header(ROLES, "ADMIN").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("PENDING")
                .jsonPath("$.slaMissed").isEqualTo(true);
        web.get().uri(ERASURES).header(ROLES, "ADMIN").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].slaMissed").isEqualTo(List.of(true));
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.get("adpulse.auth.privacy.erasures.overdue")
                .gauge().value() >= 1);

        for (String service : List.of("ingest-service", "reporting-service", "alerting-service", "audit-service")) {
            confirm(id, service, "adv-" + advertiser, Map.of("some_table", 1L));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri(ERASURES + "/" + id)
                .header(ROLES, "ADMIN").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETE")
                .jsonPath("$.slaMissed").isEqualTo(true));
        web.get().uri(ERASURES).header(ROLES, "ADMIN").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + id + "')]").isEmpty();
    }

    @Test
    void erasureIsForAdminsOnly() {
        web.get().uri(ERASURES).header(ROLES, "OPERATOR").exchange().expectStatus().isForbidden();
        web.post().uri(ERASURES).header(ROLES, "OPERATOR").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("connectionId", "adv-1")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri(ERASURES + "/erasure-x").exchange().expectStatus().isForbidden();
    }

    @Test
    void badOrUnknownRequestsAreProblems() {
        web.post().uri(ERASURES).header(ROLES, "ADMIN").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("connectionId", " ")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("connectionId"));
        web.post().uri(ERASURES).header(ROLES, "ADMIN").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("connectionId", "adv-0")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/connection-not-found");
        web.get().uri(ERASURES + "/erasure-unknown").header(ROLES, "ADMIN").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://adpulse.io/problems/erasure-not-found")
                .jsonPath("$.detail").isEqualTo("No erasure request with id 'erasure-unknown'");
    }

    private String requestErasure(String connectionId) {
        Map<?, ?> created = web.post().uri(ERASURES).header(ROLES, "ADMIN").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("connectionId", connectionId)).exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    private void confirm(String requestId, String service, String connectionId, Map<String, Long> counts) {
        var data = new PrivacyCompleted(requestId, service, connectionId, counts, clock.instant());
        var event = EventEnvelope.of("/adpulse/" + service, connectionId, data.completedAt(), data, requestId, service,
                counts);
        kafka.send(new ProducerRecord<>(Topics.PRIVACY_COMPLETIONS, connectionId, CODEC.encode(event))).join();
    }

    private void backdateDisconnection(String connectionId, Instant at) {
        db.sql("update connection set status_changed_at = :at where id = :id")
                .bind("at", at.atOffset(ZoneOffset.UTC)).bind("id", connectionId)
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
    }

    private long count(String sql, String id) {
        return db.sql(sql).bind("id", id).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }

    private static boolean isType(byte[] value, EventType type) {
        return value != null && CODEC.decode(value).type() == type;
    }
}
