package io.adpulse.auth.privacy;

import io.adpulse.events.ConnectionKind;
import io.adpulse.events.PrivacyCompleted;
import io.adpulse.events.PrivacyRequested;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code privacy_request} and {@code privacy_completion} tables, and auth-service's own erasure of a connection's
 * rows. Writes join the caller's transaction.
 */
@Repository
class PrivacyRequestStore {

    /** A disconnected connection the retention job may have to erase. */
    record Disconnected(String id, ConnectionKind kind, String advertiserId) {
    }

    /** One confirmation as stored. */
    record Completion(String service, Map<String, Long> deletedRows, Instant completedAt) {
    }

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() { };

    private final DatabaseClient db;
    private final JsonMapper json = JsonMapper.builder().build();

    PrivacyRequestStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(PrivacyRequested request) {
        var spec = db.sql("""
                insert into privacy_request (id, connection_id, connection_kind, advertiser_ids, open_id, kind, reason,
                                             requested_by, requested_at)
                values (:id, :connection, :connectionKind, :advertiserIds, :openId, :kind, :reason, :by, :at)
                """)
                .bind("id", request.requestId())
                .bind("connection", request.connectionId())
                .bind("advertiserIds", request.advertiserIds().toArray(String[]::new))
                .bind("kind", request.kind().name())
                .bind("reason", request.reason().name())
                .bind("by", request.requestedBy())
                .bind("at", at(request.requestedAt()));
        spec = request.connectionKind() == null ? spec.bindNull("connectionKind", String.class)
                : spec.bind("connectionKind", request.connectionKind().name());
        spec = request.openId() == null ? spec.bindNull("openId", String.class) : spec.bind("openId", request.openId());
        return spec.then();
    }

    Mono<PrivacyRequested> find(String id) {
        return db.sql("select * from privacy_request where id = :id")
                .bind("id", id)
                .map(row -> {
                    String kind = row.get("connection_kind", String.class);
                    String[] advertiserIds = row.get("advertiser_ids", String[].class);
                    return new PrivacyRequested(row.get("id", String.class), row.get("connection_id", String.class),
                            kind == null ? null : ConnectionKind.valueOf(kind),
                            advertiserIds == null ? List.of() : Arrays.asList(advertiserIds),
                            row.get("open_id", String.class), PrivacyRequested.Kind.valueOf(row.get("kind", String.class)),
                            row.get("requested_by", String.class), row.get("requested_at", OffsetDateTime.class).toInstant(),
                            PrivacyRequested.Reason.valueOf(row.get("reason", String.class)));
                })
                .one();
    }

    Flux<Completion> completions(String requestId) {
        return db.sql("""
                select service, deleted_rows::text as deleted_rows, completed_at from privacy_completion
                 where request_id = :id order by completed_at, service
                """)
                .bind("id", requestId)
                .map(row -> new Completion(row.get("service", String.class),
                        json.readValue(row.get("deleted_rows", String.class), COUNTS),
                        row.get("completed_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /**
     * Keeps a service's confirmation of a request this service made; the first confirmation wins, and one for an
     * unknown request is ignored. Emits whether it was recorded.
     */
    Mono<Boolean> recordCompletion(PrivacyCompleted done) {
        return db.sql("""
                insert into privacy_completion (request_id, service, deleted_rows, completed_at)
                select :id, :service, cast(:rows as jsonb), :at
                 where exists (select 1 from privacy_request where id = :id)
                on conflict (request_id, service) do nothing
                """)
                .bind("id", done.requestId())
                .bind("service", done.service())
                .bind("rows", json.writeValueAsString(done.deletedRows()))
                .bind("at", at(done.completedAt()))
                .fetch().rowsUpdated()
                .map(updated -> updated > 0);
    }

    /** Ids of the requests that some of {@code services} have not confirmed yet, oldest first. */
    Flux<String> open(List<String> services, int limit) {
        return open(services, null, limit);
    }

    /**
     * Ids of the requests made before {@code requestedBefore} (any time when null) that some of {@code services}
     * have not confirmed yet, oldest first.
     */
    Flux<String> open(List<String> services, Instant requestedBefore, int limit) {
        var spec = db.sql("""
                select r.id from privacy_request r
                 where (cast(:before as timestamptz) is null or r.requested_at < :before)
                   and (select count(*) from privacy_completion c
                         where c.request_id = r.id and c.service = any(:services)) < cardinality(:services)
                 order by r.requested_at, r.id limit :limit
                """)
                .bind("services", services.stream().distinct().toArray(String[]::new))
                .bind("limit", limit);
        spec = requestedBefore == null ? spec.bindNull("before", OffsetDateTime.class)
                : spec.bind("before", at(requestedBefore));
        return spec.map(row -> row.get("id", String.class)).all();
    }

    /**
     * Connections disconnected (REVOKED) before {@code cutoff} that have no erasure request made since they were
     * disconnected.
     */
    Flux<Disconnected> disconnectedBefore(Instant cutoff, int limit) {
        return db.sql("""
                select c.id, c.kind, c.advertiser_id from connection c
                 where c.status = 'REVOKED' and c.status_changed_at < :cutoff
                   and not exists (select 1 from privacy_request p
                                    where p.connection_id = c.id and p.requested_at >= c.status_changed_at)
                 order by c.status_changed_at limit :limit
                """)
                .bind("cutoff", at(cutoff))
                .bind("limit", limit)
                .map(row -> new Disconnected(row.get("id", String.class),
                        ConnectionKind.valueOf(row.get("kind", String.class)), row.get("advertiser_id", String.class)))
                .all();
    }

    /**
     * auth-service's part of an erasure, in one statement: the connection's stored tokens (already gone after a
     * disconnect), its published records on {@code tiktok.connections.v1} in the outbox (they carry its names and
     * its sealed token) and the connection row itself. Emits the rows deleted per table.
     */
    Mono<Map<String, Long>> eraseConnection(String connectionId) {
        return db.sql("""
                with d_connection_token as (delete from connection_token where connection_id = :c returning 1),
                     d_outbox as (delete from outbox where record_key = :c and topic = :connections
                                     and published_at is not null returning 1),
                     d_connection as (delete from connection where id = :c returning 1)
                select (select count(*) from d_connection_token) as connection_token,
                       (select count(*) from d_outbox) as outbox,
                       (select count(*) from d_connection) as connection
                """)
                .bind("c", connectionId)
                .bind("connections", io.adpulse.events.Topics.CONNECTIONS)
                .map(row -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    for (String table : List.of("connection_token", "outbox", "connection")) {
                        counts.put(table, row.get(table, Long.class));
                    }
                    return counts;
                })
                .one();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
