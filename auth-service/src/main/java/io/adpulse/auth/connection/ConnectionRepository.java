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
        return upsertGranted(id, kind, advertiserId, displayName, grantId, scopes, grantedBy, grantedAt, null, null);
    }

    /**
     * As above, for tokens that expire: {@code accessExpiresAt} is the access token's expiry and
     * {@code refreshDueAt} when the scheduler should refresh it (both null for tokens without expiry).
     */
    Mono<Connection> upsertGranted(String id, ConnectionKind kind, String advertiserId, String displayName,
            UUID grantId, List<String> scopes, String grantedBy, Instant grantedAt, Instant accessExpiresAt,
            Instant refreshDueAt) {
        var spec = db.sql("""
                insert into connection (id, kind, advertiser_id, display_name, status, status_reason, grant_id,
                                        scopes, granted_by, granted_at, status_changed_at, revision,
                                        access_expires_at, last_refreshed_at, refresh_due_at, refresh_lease_until)
                values (:id, :kind, :advertiserId, :displayName, 'ACTIVE', null, :grantId,
                        :scopes, :grantedBy, :grantedAt, :grantedAt, 1, :accessExpiresAt, null, :refreshDueAt, null)
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
                    revision = connection.revision + 1,
                    access_expires_at = excluded.access_expires_at,
                    last_refreshed_at = null,
                    refresh_due_at = excluded.refresh_due_at,
                    refresh_lease_until = null
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
        spec = bindInstant(spec, "accessExpiresAt", accessExpiresAt);
        spec = bindInstant(spec, "refreshDueAt", refreshDueAt);
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
                   set status = :to, status_reason = :reason, status_changed_at = :at, revision = revision + 1,
                       refresh_due_at = null, refresh_lease_until = null
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

    /**
     * Takes the refresh lease of an ACTIVE connection until {@code until}, unless another refresh holds
     * an unexpired one; empty when the lease was not taken. Only the holder asks TikTok for new tokens,
     * so concurrent refreshes (scheduler, force refresh, other instances) never spend the same refresh
     * token twice.
     */
    Mono<Connection> claimRefreshLease(String id, Instant now, Instant until) {
        return db.sql("""
                update connection set refresh_lease_until = :until
                 where id = :id and status = 'ACTIVE'
                   and (refresh_lease_until is null or refresh_lease_until <= :now)
                returning *
                """)
                .bind("id", id)
                .bind("now", at(now))
                .bind("until", at(until))
                .map(ConnectionRepository::map)
                .one();
    }

    /** Records a successful refresh and releases the lease; next revision (the new token is a new fact). */
    Mono<Connection> recordRefresh(String id, Instant accessExpiresAt, Instant refreshDueAt, Instant now) {
        return db.sql("""
                update connection
                   set access_expires_at = :expiresAt, refresh_due_at = :dueAt, last_refreshed_at = :now,
                       refresh_lease_until = null, revision = revision + 1
                 where id = :id and status = 'ACTIVE'
                returning *
                """)
                .bind("id", id)
                .bind("expiresAt", at(accessExpiresAt))
                .bind("dueAt", at(refreshDueAt))
                .bind("now", at(now))
                .map(ConnectionRepository::map)
                .one();
    }

    /** Releases the refresh lease and sets when to try again. */
    Mono<Void> releaseRefreshLease(String id, Instant retryAt) {
        return db.sql("update connection set refresh_lease_until = null, refresh_due_at = :retryAt where id = :id "
                        + "and status = 'ACTIVE'")
                .bind("id", id)
                .bind("retryAt", at(retryAt))
                .then();
    }

    /** Ids of ACTIVE connections whose refresh is due and not in progress, most urgent first. */
    Flux<String> findDueForRefresh(Instant now, int limit) {
        return db.sql("""
                select id from connection
                 where status = 'ACTIVE' and refresh_due_at <= :now
                   and (refresh_lease_until is null or refresh_lease_until <= :now)
                 order by refresh_due_at limit :limit
                """)
                .bind("now", at(now))
                .bind("limit", limit)
                .map(row -> row.get("id", String.class))
                .all();
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

    private static DatabaseClient.GenericExecuteSpec bindInstant(DatabaseClient.GenericExecuteSpec spec, String name,
            Instant value) {
        return value == null ? spec.bindNull(name, OffsetDateTime.class) : spec.bind(name, at(value));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
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
                instant(row, "access_expires_at"),
                instant(row, "last_refreshed_at"),
                metadata.contains("token_key_id") ? row.get("token_key_id", String.class) : null);
    }
}
