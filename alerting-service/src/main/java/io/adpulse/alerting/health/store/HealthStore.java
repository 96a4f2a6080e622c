package io.adpulse.alerting.health.store;

import io.adpulse.alerting.health.domain.ApiErrorWindow;
import io.adpulse.alerting.health.domain.CircuitWindow;
import io.adpulse.alerting.health.domain.ConnectionState;
import io.adpulse.alerting.health.domain.ConnectionStatus;
import io.adpulse.events.ApiErrorOccurred;
import io.adpulse.events.ConnectionGranted;
import io.adpulse.events.ConnectionRevoked;
import io.r2dbc.spi.Parameters;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the API-health rules keep. A grant or revocation replaces a connection's state only when it is newer than
 * what is stored ({@code changed_at}), so redeliveries and reordering never move a connection back; an API error
 * is stored once per event id.
 */
@Repository
public class HealthStore {

    private static final String CONNECTION_COLUMNS = "connection_id, advertiser_id, status, reason, granted_at, "
            + "revoked_at, access_token_expires_at, last_metric_at";

    private final DatabaseClient db;

    HealthStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> granted(ConnectionGranted grant) {
        return db.sql("""
                        insert into connection_state (connection_id, advertiser_id, status, reason, granted_at,
                            access_token_expires_at, changed_at)
                        values (:connectionId, :advertiserId, 'ACTIVE', null, :grantedAt, :expiresAt, :grantedAt)
                        on conflict (connection_id) do update set advertiser_id = excluded.advertiser_id,
                            status = 'ACTIVE', reason = null, granted_at = excluded.granted_at,
                            access_token_expires_at = excluded.access_token_expires_at,
                            changed_at = excluded.changed_at
                        where connection_state.changed_at < excluded.changed_at""")
                .bind("connectionId", grant.connectionId())
                .bind("advertiserId", nullable(grant.advertiserId()))
                .bind("grantedAt", grant.grantedAt())
                .bind("expiresAt", grant.accessTokenExpiresAt() == null ? Parameters.in(Instant.class)
                        : Parameters.in(grant.accessTokenExpiresAt()))
                .then();
    }

    public Mono<Void> revoked(ConnectionRevoked revocation) {
        return db.sql("""
                        insert into connection_state (connection_id, advertiser_id, status, reason, revoked_at, changed_at)
                        values (:connectionId, :advertiserId, 'REVOKED', :reason, :revokedAt, :revokedAt)
                        on conflict (connection_id) do update set
                            advertiser_id = coalesce(excluded.advertiser_id, connection_state.advertiser_id),
                            status = 'REVOKED', reason = excluded.reason, revoked_at = excluded.revoked_at,
                            changed_at = excluded.changed_at
                        where connection_state.changed_at < excluded.changed_at""")
                .bind("connectionId", revocation.connectionId())
                .bind("advertiserId", nullable(revocation.advertiserId()))
                .bind("reason", nullable(revocation.reason()))
                .bind("revokedAt", revocation.revokedAt())
                .then();
    }

    /**
     * The connection was tombstoned: it is removed, whatever came before. The row stays, dated after every event seen
     * so far, so a redelivered older grant does not bring it back.
     */
    public Mono<Void> removed(String connectionId, Instant at) {
        return db.sql("""
                        insert into connection_state (connection_id, status, changed_at)
                        values (:connectionId, 'REMOVED', :at)
                        on conflict (connection_id) do update set status = 'REMOVED',
                            changed_at = greatest(excluded.changed_at, connection_state.changed_at + interval '1 millisecond')""")
                .bind("connectionId", connectionId)
                .bind("at", at)
                .then();
    }

    /** A metric observation read through the connection arrived; keeps the latest observation time. */
    public Mono<Void> metricSeen(String connectionId, Instant observedAt) {
        return db.sql("update connection_state set last_metric_at = :at where connection_id = :connectionId "
                        + "and (last_metric_at is null or last_metric_at < :at)")
                .bind("connectionId", connectionId)
                .bind("at", observedAt)
                .then();
    }

    /** Stores an API error once per event; emits whether it was new. */
    public Mono<Boolean> apiError(String eventId, ApiErrorOccurred error) {
        return db.sql("""
                        insert into api_error (event_id, connection_id, advertiser_id, endpoint, code, http_status,
                            retryable, occurred_at, rejected_by)
                        values (:eventId, :connectionId, :advertiserId, :endpoint, :code, :httpStatus, :retryable,
                            :occurredAt, :rejectedBy)
                        on conflict (event_id) do nothing""")
                .bind("eventId", eventId)
                .bind("connectionId", error.connectionId())
                .bind("advertiserId", nullable(error.advertiserId()))
                .bind("endpoint", error.endpoint())
                .bind("code", error.code())
                .bind("httpStatus", error.httpStatus())
                .bind("retryable", error.retryable())
                .bind("occurredAt", error.occurredAt())
                .bind("rejectedBy", nullable(error.rejectedBy()))
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    public Mono<ConnectionState> connection(String connectionId) {
        return db.sql("select " + CONNECTION_COLUMNS + " from connection_state where connection_id = :connectionId")
                .bind("connectionId", connectionId)
                .map(row -> new ConnectionState(row.get("connection_id", String.class),
                        row.get("advertiser_id", String.class), ConnectionStatus.valueOf(row.get("status", String.class)),
                        row.get("reason", String.class), row.get("granted_at", Instant.class),
                        row.get("revoked_at", Instant.class), row.get("access_token_expires_at", Instant.class),
                        row.get("last_metric_at", Instant.class)))
                .one();
    }

    /** Connections that are not removed: what the clock sweeps. */
    public Flux<String> connections() {
        return db.sql("select connection_id from connection_state where status <> 'REMOVED' order by connection_id")
                .map(row -> row.get("connection_id", String.class))
                .all();
    }

    /**
     * The errors of one connection and endpoint that occurred in ({@code from}, {@code to}]; calls the endpoint's
     * open circuit breaker declined are the {@code circuit-open} rule's, not errors of the connection.
     */
    public Mono<ApiErrorWindow> errors(String connectionId, String endpoint, Instant from, Instant to) {
        return db.sql("""
                        select count(*) as n,
                               (array_agg(code order by occurred_at desc))[1] as code,
                               (array_agg(http_status order by occurred_at desc))[1] as http_status,
                               max(occurred_at) as latest_at,
                               (array_agg(advertiser_id order by occurred_at desc))[1] as advertiser_id
                        from api_error
                        where connection_id = :connectionId and endpoint = :endpoint
                          and occurred_at > :from and occurred_at <= :to
                          and rejected_by is distinct from 'circuit-breaker'""")
                .bind("connectionId", connectionId)
                .bind("endpoint", endpoint)
                .bind("from", from)
                .bind("to", to)
                .map(row -> {
                    Integer code = row.get("code", Integer.class);
                    Integer status = row.get("http_status", Integer.class);
                    return new ApiErrorWindow(connectionId, endpoint, row.get("n", Long.class),
                            code == null ? 0 : code, status == null ? 0 : status, row.get("latest_at", Instant.class),
                            row.get("advertiser_id", String.class));
                })
                .one();
    }

    /** Connection and endpoint pairs with an error in ({@code from}, {@code to}], as {@code [connection, endpoint]}. */
    public Flux<String[]> endpointsWithErrors(Instant from, Instant to, String connectionId) {
        String only = connectionId == null ? "" : " and connection_id = :connectionId";
        var spec = db.sql("select distinct connection_id, endpoint from api_error where occurred_at > :from "
                        + "and occurred_at <= :to and rejected_by is distinct from 'circuit-breaker'" + only
                        + " order by connection_id, endpoint")
                .bind("from", from)
                .bind("to", to);
        if (connectionId != null) {
            spec = spec.bind("connectionId", connectionId);
        }
        return spec.map(row -> new String[] {row.get("connection_id", String.class), row.get("endpoint", String.class)})
                .all();
    }

    /** The calls to {@code endpoint} its open circuit breaker declined in ({@code from}, {@code to}]. */
    public Mono<CircuitWindow> circuitRejections(String endpoint, Instant from, Instant to) {
        return db.sql("""
                        select count(*) as n from api_error
                        where endpoint = :endpoint and rejected_by = 'circuit-breaker'
                          and occurred_at > :from and occurred_at <= :to""")
                .bind("endpoint", endpoint)
                .bind("from", from)
                .bind("to", to)
                .map(row -> new CircuitWindow(endpoint, row.get("n", Long.class)))
                .one();
    }

    /** Endpoints with a call declined by their open circuit breaker in ({@code from}, {@code to}]. */
    public Mono<List<String>> endpointsWithOpenCircuit(Instant from, Instant to) {
        return db.sql("select distinct endpoint from api_error where rejected_by = 'circuit-breaker' "
                        + "and occurred_at > :from and occurred_at <= :to order by endpoint")
                .bind("from", from)
                .bind("to", to)
                .map(row -> row.get("endpoint", String.class))
                .all()
                .collectList();
    }

    private static Object nullable(String value) {
        return value == null ? Parameters.in(String.class) : Parameters.in(value);
    }
}
