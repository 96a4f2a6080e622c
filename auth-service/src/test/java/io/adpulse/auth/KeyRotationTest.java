package io.adpulse.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.auth.crypto.EncryptedSecret;
import io.adpulse.auth.crypto.EnvelopeCipher;
import io.adpulse.auth.crypto.KeyRing;
import io.adpulse.auth.crypto.KeyRingKeyProvider;
import io.adpulse.auth.support.FakeTikTok.Advertiser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyRotationTest extends AuthServiceTestBase {

    private static final String ROLES = "X-Adpulse-Roles";
    private static final String ROTATE = "/api/auth/admin/keys/rotate";
    private static final String RETIRED_KEY = "retired-0:qS4dPaEcUUfDwEfbzykrEbhieO14jSWFKMfZN+g6oTM=";

    @Test
    void rotationReencryptsTokensUnderAnOlderKeyAndTheConnectionKeepsWorking() {
        String advertiser = uniqueAdvertiserId();
        String id = "adv-" + advertiser;
        String token = "act." + UUID.randomUUID();
        connect("alice", token, new Advertiser(advertiser, "Rotated Co"));
        encryptStoredTokenUnder(PREVIOUS_TOKEN_KEY, id, token);
        byte[] before = ciphertext(id);
        web.get().uri("/api/auth/connections/" + id).exchange().expectBody().jsonPath("$.keyId").isEqualTo("dev-token-1");

        Map<?, ?> report = web.post().uri(ROTATE).header(ROLES, "OPERATOR,ADMIN").header(ACTOR, "root").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(report.get("activeKeyId")).isEqualTo("dev-token-2");
        assertThat(((Number) report.get("reencrypted")).longValue()).isPositive();
        assertThat(((Map<?, ?>) report.get("tokensByKeyId")).keySet()).map(String::valueOf).contains("dev-token-2")
                .doesNotContain("dev-token-1");
        assertThat(ciphertext(id)).isNotEqualTo(before);
        assertThat(occurrencesInDatabase(token)).isZero();
        web.get().uri("/api/auth/connections/" + id).exchange().expectBody().jsonPath("$.keyId").isEqualTo("dev-token-2");
        web.delete().uri("/api/auth/connections/" + id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.tiktokRevocation.outcome").isEqualTo("REVOKED");
        assertThat(TIKTOK.wasRevoked(token)).as("the re-encrypted token decrypted to the real one").isTrue();
    }

    @Test
    void aTokenUnderTheOldKeyStillWorksBeforeRotation() {
        String advertiser = uniqueAdvertiserId();
        String id = "adv-" + advertiser;
        String token = "act." + UUID.randomUUID();
        connect("alice", token, new Advertiser(advertiser, "Not Yet Rotated"));
        encryptStoredTokenUnder(PREVIOUS_TOKEN_KEY, id, token);

        web.delete().uri("/api/auth/connections/" + id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.tiktokRevocation.outcome").isEqualTo("REVOKED");

        assertThat(TIKTOK.wasRevoked(token)).isTrue();
    }

    @Test
    void aTokenUnderARetiredKeyIsReportedClearlyAndLeftAsItIs() {
        String advertiser = uniqueAdvertiserId();
        String id = "adv-" + advertiser;
        String token = "act." + UUID.randomUUID();
        connect("alice", token, new Advertiser(advertiser, "Orphaned Co"));
        encryptStoredTokenUnder(RETIRED_KEY, id, token);
        byte[] before = ciphertext(id);

        Map<?, ?> report = web.post().uri(ROTATE).header(ROLES, "ADMIN").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        List<?> failed = (List<?>) report.get("failed");
        Map<?, ?> failure = failed.stream().map(f -> (Map<?, ?>) f).filter(f -> id.equals(f.get("connectionId")))
                .findFirst().orElseThrow();
        assertThat(failure.get("keyId")).isEqualTo("retired-0");
        assertThat(failure.get("tokenType")).isEqualTo("ACCESS");
        assertThat((String) failure.get("reason"))
                .contains("unknown key id 'retired-0'")
                .contains("ADPULSE_TOKEN_KEYS")
                .doesNotContain(token);
        assertThat(ciphertext(id)).isEqualTo(before);

        web.delete().uri("/api/auth/connections/" + id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("REVOKED")
                .jsonPath("$.tiktokRevocation.outcome").isEqualTo("FAILED")
                .jsonPath("$.tiktokRevocation.detail").value(detail -> assertThat((String) detail).contains("retired-0"));
    }

    @Test
    void onlyAdminsMayRotateOrSeeTheKeys() {
        web.post().uri(ROTATE).exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://adpulse.io/problems/forbidden")
                .jsonPath("$.detail").isEqualTo("This operation needs the ADMIN role (header X-Adpulse-Roles)");
        web.post().uri(ROTATE).header(ROLES, "OPERATOR,ADMINISTRATOR").exchange().expectStatus().isForbidden();
        web.get().uri("/api/auth/admin/keys").header(ROLES, "VIEWER").exchange().expectStatus().isForbidden();

        web.get().uri("/api/auth/admin/keys").header(ROLES, "viewer, admin").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.activeKeyId").isEqualTo("dev-token-2");
    }

    /** Replaces the stored token with one encrypted under {@code key} alone, as before a rotation. */
    private void encryptStoredTokenUnder(String key, String connectionId, String token) {
        EncryptedSecret secret = new EnvelopeCipher(new KeyRingKeyProvider(KeyRing.parse("test", key)))
                .encrypt(token, connectionId + "/ACCESS");
        db.sql("""
                update connection_token set key_id = :keyId, wrapped_key = :wrapped, ciphertext = :ciphertext
                 where connection_id = :id and token_type = 'ACCESS'
                """)
                .bind("keyId", secret.keyId()).bind("wrapped", secret.wrappedKey())
                .bind("ciphertext", secret.ciphertext()).bind("id", connectionId)
                .then().block();
    }

    private byte[] ciphertext(String connectionId) {
        return db.sql("select ciphertext from connection_token where connection_id = :id and token_type = 'ACCESS'")
                .bind("id", connectionId).map(row -> row.get(0, byte[].class)).one().block();
    }
}
