package io.adpulse.auth.connection;

import io.adpulse.events.ConnectionKind;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Connection rows. Status changes are conditional updates, so concurrent or repeated requests apply once. */
@Repository
class ConnectionRepository {

    private static final String SELECT = """
            select c.*, t.key_id as token_key_id
              from connection c
              left join connection_token t on t.connection_id = c.id and t.token_type = 'ACCESS'
            """;

    private final DatabaseClient db;

    ConnectionRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Connection> findById(String id) {
        return db.sql(SELECT + " where c.id = :id").bind("id", id).map(ConnectionRepository::map).one();
    }

    Flux<Connection> findAll() {
        return db.sql(SELECT + " order by c.id").map(ConnectionRepository::map).all();
    }

    /**
     * Inserts the connection as ACTIVE or, when the account was connected before, replaces its grant
     * in place (same id, next revision), whatever its status was.
     */
    Mono<Connection> upsertGranted(String id, ConnectionKind kind, String advertiserId, String displayName,
            UUID grantId, List<String> scopes, String grantedBy, Instant grantedAt) {
        var spec = db.sql("""
                insert into connection (id, kind, advertiser_id, display_name, status, status_reason, grant_id,
                                        scopes, granted_by, granted_at, status_changed_at, revision)
                values (:id, :kind, :advertiserId, :displayName, 'ACTIVE', null, :grantId,
                        :scopes, :grantedBy, :grantedAt, :grantedAt, 1)
                on conflict (id) do update set
                    kind = excluded.kind,
                    advertiser_id = excluded.advertiser_id,
                    display_name = coalesce(excluded.display_name, connection.display_name),
                    status = 'ACTIVE',
                    status_reason = null,
                    grant_id = excluded.grant_id,
                    scopes = excluded.scopes,
                    granted_by = excluded.granted_by,
                    granted_at = excluded.granted_at,
                    status_changed_at = excluded.status_changed_at,
                    revision = connection.revision + 1
                returning *
                """)
                .bind("id", id)
                .bind("kind", kind.name())
                .bind("advertiserId", advertiserId)
                .bind("grantId", grantId)
                .bind("scopes", scopes.toArray(String[]::new))
                .bind("grantedBy", grantedBy)
                .bind("grantedAt", at(grantedAt));
        spec = displayName == null ? spec.bindNull("displayName", String.class) : spec.bind("displayName", displayName);
        return spec.map(ConnectionRepository::map).one();
    }

    /**
     * Moves the connection to {@code to} if it is currently in one of {@code from}; empty when it is
     * not (already moved, or unknown). With {@code grantedNoLaterThan}, only a grant made at or before
     * that instant is affected, so a late report about an old token cannot hit a newer grant.
     */
    Mono<Connection> transition(String id, Set<ConnectionStatus> from, ConnectionStatus to, String reason,
            Instant at, Instant grantedNoLaterThan) {
        String[] fromNames = from.stream().map(Enum::name).toArray(String[]::new);
        var spec = db.sql("""
                update connection
                   set status = :to, status_reason = :reason, status_changed_at = :at, revision = revision + 1
                 where id = :id and status = any(:from)
                """ + (grantedNoLaterThan == null ? "" : " and granted_at <= :grantedNoLaterThan") + " returning *")
                .bind("id", id)
                .bind("from", fromNames)
                .bind("to", to.name())
                .bind("reason", reason)
                .bind("at", at(at));
        if (grantedNoLaterThan != null) {
            spec = spec.bind("grantedNoLaterThan", at(grantedNoLaterThan));
        }
        return spec.map(ConnectionRepository::map).one();
    }

    /** How many other connections still rely on the TikTok token of {@code grantId}. */
    Mono<Long> countOtherActiveInGrant(UUID grantId, String excludingId) {
        return db.sql("select count(*) from connection where grant_id = :grantId and id <> :id and status = 'ACTIVE'")
                .bind("grantId", grantId)
                .bind("id", excludingId)
                .map(row -> row.get(0, Long.class))
                .one();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Connection map(Row row, RowMetadata metadata) {
        String[] scopes = row.get("scopes", String[].class);
        return new Connection(
                row.get("id", String.class),
                ConnectionKind.valueOf(row.get("kind", String.class)),
                row.get("advertiser_id", String.class),
                row.get("display_name", String.class),
                ConnectionStatus.valueOf(row.get("status", String.class)),
                row.get("status_reason", String.class),
                row.get("grant_id", UUID.class),
                scopes == null ? List.of() : Arrays.asList(scopes),
                row.get("granted_by", String.class),
                row.get("granted_at", OffsetDateTime.class).toInstant(),
                row.get("status_changed_at", OffsetDateTime.class).toInstant(),
                row.get("revision", Long.class),
                metadata.contains("token_key_id") ? row.get("token_key_id", String.class) : null);
    }
}
