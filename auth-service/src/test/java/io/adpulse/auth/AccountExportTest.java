package io.adpulse.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.auth.support.FakeTikTok.Advertiser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** auth-service's part of an account's data export: every row about the connection, never a token or key. */
class AccountExportTest extends AuthServiceTestBase {

    private static final String ROLES = "X-Adpulse-Roles";
    private static final ParameterizedTypeReference<Map<String, Object>> ROW = new ParameterizedTypeReference<>() {
    };

    private List<Map<String, Object>> export(String connectionId) {
        return web.get().uri("/api/auth/privacy/exports/{c}?accountId=ignored", connectionId)
                .header(ROLES, "ADMIN").accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus().isOk()
                .returnResult(ROW).getResponseBody().collectList().block(Duration.ofSeconds(30));
    }

    private String exportText(String connectionId) {
        return web.get().uri("/api/auth/privacy/exports/{c}", connectionId)
                .header(ROLES, "ADMIN").accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static List<String> tables(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (String) r.get("table")).toList();
    }

    @Test
    void exportsTheConnectionItsTokensOutboxRecordsAndErasureRequestsButNoSecret() {
        String advertiser = uniqueAdvertiserId();
        String other = uniqueAdvertiserId();
        String token = "act." + UUID.randomUUID();
        connect("alice", token, new Advertiser(advertiser, "Exported Co"));
        connect("alice", "act." + UUID.randomUUID(), new Advertiser(other, "Other Co"));
        String connectionId = "adv-" + advertiser;

        List<Map<String, Object>> rows = export(connectionId);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("service")).isEqualTo("auth-service"));
        assertThat(tables(rows)).contains("connection", "connection_token", "outbox");
        Map<String, Object> connection = rows.stream().filter(r -> r.get("table").equals("connection")).findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> columns = (Map<String, Object>) connection.get("row");
        assertThat(columns).containsEntry("id", connectionId).containsEntry("advertiser_id", advertiser)
                .containsEntry("display_name", "Exported Co").containsEntry("granted_by", "alice");
        String ciphertext = db.sql("select encode(ciphertext, 'base64') from connection_token where connection_id = :c")
                .bind("c", connectionId).map(row -> row.get(0, String.class)).first().block(Duration.ofSeconds(10));
        String text = exportText(connectionId);
        assertThat(text).doesNotContain(token).doesNotContain(ciphertext).doesNotContain("wrapped_key")
                .doesNotContain("ciphertext").doesNotContain("key_id").doesNotContain("payload")
                .doesNotContain(other).doesNotContain("Other Co");

        web.post().uri("/api/auth/privacy/erasures").header(ROLES, "ADMIN").header(ACTOR, "dpo")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("connectionId", connectionId))
                .exchange().expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> after = export(connectionId);
            assertThat(tables(after)).as("the erasure's own record stays; the data is gone")
                    .containsExactly("privacy_request", "privacy_completion");
            @SuppressWarnings("unchecked")
            Map<String, Object> done = (Map<String, Object>) after.get(1).get("row");
            assertThat(done).containsEntry("service", "auth-service");
            // The erasure disconnects first (the token goes then), so only the connection row is certain here.
            @SuppressWarnings("unchecked")
            Map<String, Object> deleted = (Map<String, Object>) done.get("deleted_rows");
            assertThat(deleted).containsEntry("connection", 1).containsKeys("connection_token", "outbox");
        });
    }

    @Test
    void refusesCallersWithoutTheAdminRoleAndOverlongIds() {
        web.get().uri("/api/auth/privacy/exports/adv-1").header(ROLES, "OPERATOR,AUDITOR").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/auth/privacy/exports/adv-1").exchange().expectStatus().isForbidden();
        web.get().uri("/api/auth/privacy/exports/{c}", "x".repeat(300)).header(ROLES, "ADMIN").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("1 to 256"));
    }
}
