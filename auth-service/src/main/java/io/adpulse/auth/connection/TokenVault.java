package io.adpulse.auth.connection;

import io.adpulse.auth.crypto.EncryptedSecret;
import io.adpulse.auth.crypto.EnvelopeCipher;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The encrypted token store. Tokens are envelope-encrypted before they reach the database and bound
 * to {@code <connection id>/<token type>}, so a ciphertext moved to another connection, or an access
 * token swapped into another token's slot, fails to decrypt instead of being used for the wrong
 * account. Plaintext tokens exist only in memory, on their way to TikTok or into a sealed event.
 */
@Repository
class TokenVault {

    /** The access token: the long-lived advertiser token, or a creator's short-lived one. */
    static final String ACCESS = "ACCESS";
    /** A creator's refresh token (Login Kit); rotated on every use. */
    static final String REFRESH = "REFRESH";

    private final DatabaseClient db;
    private final EnvelopeCipher cipher;

    TokenVault(DatabaseClient db, EnvelopeCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** Encrypts and stores (or replaces) the access token of a connection; emits the master key id used. */
    Mono<String> storeAccessToken(String connectionId, String token, Instant storedAt) {
        return store(connectionId, ACCESS, token, null, storedAt);
    }

    /**
     * Encrypts and stores (or replaces) a token of a connection, with its expiry (null: none); emits
     * the master key id used.
     */
    Mono<String> store(String connectionId, String tokenType, String token, Instant expiresAt, Instant storedAt) {
        return Mono.fromCallable(() -> cipher.encrypt(token, context(connectionId, tokenType)))
                .flatMap(secret -> {
                    var spec = db.sql("""
                            insert into connection_token (connection_id, token_type, key_id, wrapped_key, ciphertext,
                                                          expires_at, stored_at)
                            values (:connectionId, :type, :keyId, :wrappedKey, :ciphertext, :expiresAt, :storedAt)
                            on conflict (connection_id, token_type) do update set
                                key_id = excluded.key_id,
                                wrapped_key = excluded.wrapped_key,
                                ciphertext = excluded.ciphertext,
                                expires_at = excluded.expires_at,
                                stored_at = excluded.stored_at
                            """)
                            .bind("connectionId", connectionId)
                            .bind("type", tokenType)
                            .bind("keyId", secret.keyId())
                            .bind("wrappedKey", secret.wrappedKey())
                            .bind("ciphertext", secret.ciphertext())
                            .bind("storedAt", at(storedAt));
                    spec = expiresAt == null ? spec.bindNull("expiresAt", OffsetDateTime.class)
                            : spec.bind("expiresAt", at(expiresAt));
                    return spec.then().thenReturn(secret.keyId());
                });
    }

    /** The decrypted access token, or empty when the connection has none. */
    Mono<String> accessToken(String connectionId) {
        return read(connectionId, ACCESS).map(VersionedToken::token);
    }

    /**
     * The decrypted refresh token with the ciphertext it was read from (its version for
     * {@link #replaceRefreshToken}), or empty when the connection has none.
     */
    Mono<VersionedToken> refreshToken(String connectionId) {
        return read(connectionId, REFRESH);
    }

    /**
     * Stores a rotated refresh token only if the row still holds {@code previous} (the version the
     * caller refreshed with): emits false and changes nothing when another refresh replaced it first.
     */
    Mono<Boolean> replaceRefreshToken(String connectionId, VersionedToken previous, String token, Instant expiresAt,
            Instant storedAt) {
        return Mono.fromCallable(() -> cipher.encrypt(token, context(connectionId, REFRESH)))
                .flatMap(secret -> db.sql("""
                        update connection_token
                           set key_id = :keyId, wrapped_key = :wrappedKey, ciphertext = :ciphertext,
                               expires_at = :expiresAt, stored_at = :storedAt
                         where connection_id = :connectionId and token_type = :type and ciphertext = :previous
                        """)
                        .bind("keyId", secret.keyId())
                        .bind("wrappedKey", secret.wrappedKey())
                        .bind("ciphertext", secret.ciphertext())
                        .bind("expiresAt", at(expiresAt))
                        .bind("storedAt", at(storedAt))
                        .bind("connectionId", connectionId)
                        .bind("type", REFRESH)
                        .bind("previous", previous.ciphertext())
                        .fetch().rowsUpdated()
                        .map(updated -> updated == 1));
    }

    private Mono<VersionedToken> read(String connectionId, String tokenType) {
        return db.sql("""
                select key_id, wrapped_key, ciphertext from connection_token
                 where connection_id = :connectionId and token_type = :type
                """)
                .bind("connectionId", connectionId)
                .bind("type", tokenType)
                .map(row -> new EncryptedSecret(row.get("key_id", String.class), row.get("wrapped_key", byte[].class),
                        row.get("ciphertext", byte[].class)))
                .one()
                .map(secret -> new VersionedToken(cipher.decrypt(secret, context(connectionId, tokenType)),
                        secret.ciphertext()));
    }

    /** A decrypted token and the ciphertext it came from. */
    record VersionedToken(String token, byte[] ciphertext) {

        @Override
        public String toString() {
            return "VersionedToken[<redacted>]";
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Every stored token, encrypted, with its row identity; for re-encryption under a new master key. */
    Flux<StoredToken> allEncrypted() {
        return db.sql("""
                select connection_id, token_type, key_id, wrapped_key, ciphertext from connection_token
                 order by connection_id, token_type
                """)
                .map(row -> new StoredToken(row.get("connection_id", String.class), row.get("token_type", String.class),
                        new EncryptedSecret(row.get("key_id", String.class), row.get("wrapped_key", byte[].class),
                                row.get("ciphertext", byte[].class))))
                .all();
    }

    /**
     * Re-encrypts one stored token under the active master key: decrypts it with the key it names,
     * encrypts it under a fresh data key and replaces the row only if it still holds the ciphertext
     * that was read, so a token replaced meanwhile (a refresh, a re-authorisation) is never
     * overwritten with an older one. Emits true when the row was replaced, false when it had changed.
     *
     * @throws io.adpulse.auth.crypto.CryptoException when the token cannot be decrypted (its master
     *                                                key was removed from the key ring, or the row was tampered with)
     */
    Mono<Boolean> reencrypt(StoredToken token) {
        return Mono.fromCallable(() -> {
                    String context = context(token.connectionId(), token.tokenType());
                    return cipher.encrypt(cipher.decrypt(token.secret(), context), context);
                })
                .flatMap(fresh -> db.sql("""
                        update connection_token set key_id = :keyId, wrapped_key = :wrappedKey, ciphertext = :ciphertext
                         where connection_id = :connectionId and token_type = :type and ciphertext = :previous
                        """)
                        .bind("keyId", fresh.keyId())
                        .bind("wrappedKey", fresh.wrappedKey())
                        .bind("ciphertext", fresh.ciphertext())
                        .bind("connectionId", token.connectionId())
                        .bind("type", token.tokenType())
                        .bind("previous", token.secret().ciphertext())
                        .fetch().rowsUpdated()
                        .map(updated -> updated == 1));
    }

    /** How many stored tokens each master key protects. */
    Mono<Map<String, Long>> countByKeyId() {
        return db.sql("select key_id, count(*) as tokens from connection_token group by key_id order by key_id")
                .map(row -> Map.entry(row.get("key_id", String.class), row.get("tokens", Long.class)))
                .all()
                .collectList()
                .map(entries -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    entries.forEach(e -> counts.put(e.getKey(), e.getValue()));
                    return counts;
                });
    }

    /** A stored token as it sits in the database. */
    record StoredToken(String connectionId, String tokenType, EncryptedSecret secret) {
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
