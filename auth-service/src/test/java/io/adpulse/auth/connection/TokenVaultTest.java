package io.adpulse.auth.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.auth.crypto.CryptoException;
import io.adpulse.auth.crypto.EnvelopeCipher;
import io.adpulse.auth.crypto.KeyRing;
import io.adpulse.auth.crypto.KeyRingKeyProvider;
import io.adpulse.auth.support.TestDatabase;
import io.adpulse.events.ConnectionKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class TokenVaultTest {

    private static final TestDatabase DATABASE = TestDatabase.migrated("auth_repository_test");
    private static final Instant T0 = Instant.parse("2026-11-20T09:30:00Z");
    private static final String KEYS = "vault-test-1:Gp0LHcJjZ1p3sIhdYxCZP0pVq9dA3Jm1zQ2r3N4o5P8=";

    private final TokenVault vault = new TokenVault(DATABASE.client(),
            new EnvelopeCipher(new KeyRingKeyProvider(KeyRing.parse("test", KEYS))));
    private final ConnectionRepository connections = new ConnectionRepository(DATABASE.client());

    @Test
    void storesTheTokenEncryptedAndReadsItBack() {
        String id = connection();
        String token = "act." + UUID.randomUUID();

        StepVerifier.create(vault.storeAccessToken(id, token, T0)).expectNext("vault-test-1").verifyComplete();

        StepVerifier.create(vault.accessToken(id)).expectNext(token).verifyComplete();
        String row = DATABASE.client().sql("select t::text from connection_token t where connection_id = :id")
                .bind("id", id).map(r -> r.get(0, String.class)).one().block();
        assertThat(row).contains("vault-test-1")
                .doesNotContain(token)
                .doesNotContain(HexFormat.of().formatHex(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(connections.findById(id).block().tokenKeyId()).isEqualTo("vault-test-1");
    }

    @Test
    void aTokenCopiedToAnotherConnectionDoesNotDecrypt() {
        String victim = connection();
        String attacker = connection();
        vault.storeAccessToken(victim, "act.victim", T0).block();
        vault.storeAccessToken(attacker, "act.attacker", T0).block();

        DATABASE.client().sql("""
                update connection_token set (key_id, wrapped_key, ciphertext) =
                    (select key_id, wrapped_key, ciphertext from connection_token where connection_id = :victim)
                 where connection_id = :attacker
                """).bind("victim", victim).bind("attacker", attacker).then().block();

        StepVerifier.create(vault.accessToken(attacker)).expectError(CryptoException.class).verify();
    }

    @Test
    void replacingATokenKeepsOnlyTheNewOneAndDiscardRemovesIt() {
        String id = connection();
        vault.storeAccessToken(id, "act.old", T0).block();
        vault.storeAccessToken(id, "act.new", T0.plusSeconds(1)).block();

        StepVerifier.create(vault.accessToken(id)).expectNext("act.new").verifyComplete();
        vault.discard(id).block();
        StepVerifier.create(vault.accessToken(id)).verifyComplete();
    }

    @Test
    void aRotatedRefreshTokenReplacesOnlyTheVersionItWasRefreshedFrom() {
        String id = connection();
        vault.store(id, TokenVault.REFRESH, "rft.first", T0.plusSeconds(3600), T0).block();
        TokenVault.VersionedToken first = vault.refreshToken(id).block();
        assertThat(first.token()).isEqualTo("rft.first");

        StepVerifier.create(vault.replaceRefreshToken(id, first, "rft.second", T0.plusSeconds(7200), T0))
                .expectNext(true).verifyComplete();
        StepVerifier.create(vault.replaceRefreshToken(id, first, "rft.stale", T0.plusSeconds(7200), T0))
                .as("a second refresh from the same version loses").expectNext(false).verifyComplete();

        StepVerifier.create(vault.refreshToken(id).map(TokenVault.VersionedToken::token))
                .expectNext("rft.second").verifyComplete();
        StepVerifier.create(vault.accessToken(id)).as("refresh and access tokens are separate slots").verifyComplete();
    }

    @Test
    void aRefreshTokenMovedIntoTheAccessSlotDoesNotDecrypt() {
        String id = connection();
        vault.store(id, TokenVault.REFRESH, "rft.swapped", null, T0).block();
        DATABASE.client().sql("""
                insert into connection_token (connection_id, token_type, key_id, wrapped_key, ciphertext, stored_at)
                select connection_id, 'ACCESS', key_id, wrapped_key, ciphertext, stored_at from connection_token
                 where connection_id = :id and token_type = 'REFRESH'
                """).bind("id", id).then().block();

        StepVerifier.create(vault.accessToken(id)).expectError(CryptoException.class).verify();
    }

    private String connection() {
        String advertiserId = ConnectionRepositoryTest.uniqueAdvertiserId();
        return connections.upsertGranted(Connection.advertiserConnectionId(advertiserId), ConnectionKind.ADVERTISER,
                advertiserId, "Vault Co", UUID.randomUUID(), List.of(), "alice", T0).block().id();
    }
}
