package io.adpulse.auth.connection;

import io.adpulse.auth.crypto.EncryptedSecret;
import io.adpulse.auth.crypto.EnvelopeCipher;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The encrypted token store. Tokens are envelope-encrypted before they reach the database and bound
 * to {@code <connection id>/<token type>}, so a ciphertext moved to another connection, or an access
 * token swapped into another token's slot, fails to decrypt instead of being used for the wrong
 * account. Plaintext tokens exist only in memory, on their way to TikTok or into a sealed event.
 */
@Repository
class TokenVault {

    /** The only token an API-for-Business grant has: the long-lived advertiser access token. */
    static final String ACCESS = "ACCESS";

    private final DatabaseClient db;
    private final EnvelopeCipher cipher;

    TokenVault(DatabaseClient db, EnvelopeCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** Encrypts and stores (or replaces) the access token of a connection; emits the master key id used. */
    Mono<String> storeAccessToken(String connectionId, String token, Instant storedAt) {
        return Mono.fromCallable(() -> cipher.encrypt(token, context(connectionId, ACCESS)))
                .flatMap(secret -> db.sql("""
                        insert into connection_token (connection_id, token_type, key_id, wrapped_key, ciphertext,
                                                      expires_at, stored_at)
                        values (:connectionId, :type, :keyId, :wrappedKey, :ciphertext, null, :storedAt)
                        on conflict (connection_id, token_type) do update set
                            key_id = excluded.key_id,
                            wrapped_key = excluded.wrapped_key,
                            ciphertext = excluded.ciphertext,
                            expires_at = excluded.expires_at,
                            stored_at = excluded.stored_at
                        """)
                        .bind("connectionId", connectionId)
                        .bind("type", ACCESS)
                        .bind("keyId", secret.keyId())
                        .bind("wrappedKey", secret.wrappedKey())
                        .bind("ciphertext", secret.ciphertext())
                        .bind("storedAt", OffsetDateTime.ofInstant(storedAt, ZoneOffset.UTC))
                        .then()
                        .thenReturn(secret.keyId()));
    }

    /** The decrypted access token, or empty when the connection has none. */
    Mono<String> accessToken(String connectionId) {
        return db.sql("""
                select key_id, wrapped_key, ciphertext from connection_token
                 where connection_id = :connectionId and token_type = :type
                """)
                .bind("connectionId", connectionId)
                .bind("type", ACCESS)
                .map(row -> new EncryptedSecret(row.get("key_id", String.class), row.get("wrapped_key", byte[].class),
                        row.get("ciphertext", byte[].class)))
                .one()
                .map(secret -> cipher.decrypt(secret, context(connectionId, ACCESS)));
    }

    /** Deletes every token of the connection; used once it is revoked and the tokens are worthless. */
    Mono<Void> discard(String connectionId) {
        return db.sql("delete from connection_token where connection_id = :connectionId")
                .bind("connectionId", connectionId)
                .then();
    }

    private static String context(String connectionId, String tokenType) {
        return connectionId + "/" + tokenType;
    }
}
