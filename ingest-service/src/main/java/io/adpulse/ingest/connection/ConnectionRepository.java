package io.adpulse.ingest.connection;

import io.adpulse.events.ConnectionGranted;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.SealedToken;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code connection} table. Tokens are stored only as the sealed ciphertext received from auth-service. */
@Repository
public class ConnectionRepository {

    private static final String COLUMNS = "id, advertiser_id, display_name, status, token_key_id, token_ciphertext, kind";

    private final DatabaseClient db;

    ConnectionRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Stores a grant. Returns true when it changed anything (new connection, new token, re-activation),
     * false for a redelivered or stale grant (one older than the connection's latest grant or revocation).
     * A connection whose token TikTok rejected is reactivated only by a grant carrying another token, so
     * a redelivered copy of the grant it already has does not start polling a dead token again.
     */
    Mono<Boolean> saveGrant(ConnectionGranted grant, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                insert into connection (id, advertiser_id, display_name, status, token_key_id, token_ciphertext,
                                        granted_at, revoked_at, status_reason, updated_at, kind, scopes)
                values (:id, :advertiserId, :displayName, 'ACTIVE', :keyId, :ciphertext, :grantedAt, null, null, :now,
                        :kind, :scopes)
                on conflict (id) do update set
                    kind = excluded.kind, scopes = excluded.scopes, advertiser_id = excluded.advertiser_id, display_name = excluded.display_name, status = 'ACTIVE',
                    token_key_id = excluded.token_key_id, token_ciphertext = excluded.token_ciphertext,
                    granted_at = excluded.granted_at, revoked_at = null, status_reason = null, updated_at = excluded.updated_at
                where excluded.granted_at >= connection.granted_at
                  and (connection.revoked_at is null or connection.revoked_at <= excluded.granted_at)
                  and case connection.status
                        when 'ACTIVE' then connection.token_ciphertext is distinct from excluded.token_ciphertext
                                        or connection.advertiser_id <> excluded.advertiser_id
                                        or connection.display_name is distinct from excluded.display_name
                        when 'NEEDS_REAUTH' then connection.token_ciphertext is distinct from excluded.token_ciphertext
                        else true
                      end
                returning id
                """)
                .bind("id", grant.connectionId())
                .bind("kind", grant.kind().name())
                .bind("scopes", grant.scopes() == null ? "" : String.join(",", grant.scopes()))
                .bind("advertiserId", grant.advertiserId());
        spec = grant.displayName() == null ? spec.bindNull("displayName", String.class)
                : spec.bind("displayName", grant.displayName());
        return spec.bind("keyId", grant.accessToken().keyId())
                .bind("ciphertext", grant.accessToken().ciphertext())
                .bind("grantedAt", grant.grantedAt())
                .bind("now", now)
                .map(row -> true)
                .first()
                .defaultIfEmpty(false);
    }

    /**
     * Marks a connection revoked and forgets its sealed token. Ignored when the revocation is older than
     * the connection's latest grant (a stale event). Returns true when the connection was not yet revoked.
     */
    Mono<Boolean> revoke(String connectionId, Instant revokedAt, String reason, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                update connection set status = 'REVOKED', token_key_id = null, token_ciphertext = null,
                       revoked_at = :revokedAt, status_reason = :reason, updated_at = :now
                where id = :id and status in ('ACTIVE', 'NEEDS_REAUTH') and granted_at <= :revokedAt
                """)
                .bind("id", connectionId)
                .bind("revokedAt", revokedAt)
                .bind("now", now);
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.fetch().rowsUpdated()
                .map(updated -> updated > 0);
    }

    /**
     * Stops polling a connection whose token TikTok rejected. Only applies while the connection still holds
     * {@code rejected}: if a new grant replaced the token meanwhile, the new one deserves its own chance.
     * Returns true when the connection was active with that token.
     */
    Mono<Boolean> markNeedsReauth(String connectionId, SealedToken rejected, String reason, Instant now) {
        return db.sql("""
                update connection set status = 'NEEDS_REAUTH', status_reason = :reason, updated_at = :now
                where id = :id and status = 'ACTIVE' and token_key_id = :keyId and token_ciphertext = :ciphertext
                """)
                .bind("id", connectionId)
                .bind("reason", reason)
                .bind("now", now)
                .bind("keyId", rejected.keyId())
                .bind("ciphertext", rejected.ciphertext())
                .fetch().rowsUpdated()
                .map(updated -> updated > 0);
    }

    public Mono<Connection> find(String connectionId) {
        return db.sql("select " + COLUMNS + " from connection where id = :id")
                .bind("id", connectionId)
                .map((row, meta) -> toConnection(row))
                .one();
    }

    /** The active advertiser connections among {@code ids}, in id order (creators are never synced as advertisers). */
    public Flux<Connection> findActive(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("select " + COLUMNS + " from connection where status = 'ACTIVE' and kind = 'ADVERTISER'"
                        + " and id = any(:ids) order by id")
                .bind("ids", ids.toArray(String[]::new))
                .map((row, meta) -> toConnection(row))
                .all();
    }

    /** Ids of every active advertiser connection. */
    public Mono<List<String>> activeIds() {
        return db.sql("select id from connection where status = 'ACTIVE' and kind = 'ADVERTISER' order by id")
                .map(row -> row.get("id", String.class))
                .all()
                .collectList();
    }

    /** Every active creator connection, in id order. */
    public Flux<Connection> activeCreators() {
        return db.sql("select " + COLUMNS + " from connection where status = 'ACTIVE' and kind = 'CREATOR' order by id")
                .map((row, meta) -> toConnection(row))
                .all();
    }

    /** Every active creator connection whose grant includes {@code scope} (TikTok refuses the others), in id order. */
    public Flux<Connection> activeCreatorsWithScope(String scope) {
        return db.sql("select " + COLUMNS + " from connection where status = 'ACTIVE' and kind = 'CREATOR'"
                        + " and :scope = any(string_to_array(scopes, ',')) order by id")
                .bind("scope", scope)
                .map((row, meta) -> toConnection(row))
                .all();
    }

    /** Whether the connection's latest grant includes {@code scope}. */
    public Mono<Boolean> hasScope(String connectionId, String scope) {
        return db.sql("select :scope = any(string_to_array(scopes, ',')) as granted from connection where id = :id")
                .bind("scope", scope).bind("id", connectionId)
                .map(row -> Boolean.TRUE.equals(row.get("granted", Boolean.class)))
                .one()
                .defaultIfEmpty(false);
    }

    /** The creator connection {@code connectionId} if it is active. */
    public Mono<Connection> findActiveCreator(String connectionId) {
        return db.sql("select " + COLUMNS + " from connection where status = 'ACTIVE' and kind = 'CREATOR' and id = :id")
                .bind("id", connectionId)
                .map((row, meta) -> toConnection(row))
                .one();
    }

    private static Connection toConnection(io.r2dbc.spi.Readable row) {
        String keyId = row.get("token_key_id", String.class);
        String ciphertext = row.get("token_ciphertext", String.class);
        return new Connection(row.get("id", String.class), row.get("advertiser_id", String.class),
                row.get("display_name", String.class),
                ConnectionStatus.valueOf(row.get("status", String.class)),
                keyId == null || ciphertext == null ? null : new SealedToken(keyId, ciphertext),
                ConnectionKind.valueOf(row.get("kind", String.class)));
    }
}
