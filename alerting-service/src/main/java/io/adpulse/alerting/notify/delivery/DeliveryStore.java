package io.adpulse.alerting.notify.delivery;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code delivery} table. Deliveries are never deleted: a FAILED one stays visible until an operator
 * retries it. Sending claims due deliveries with a lease ({@code next_attempt_at} moved past the send's
 * timeout) under {@code for update skip locked}, so instances never send the same delivery at once, and a
 * delivery whose instance died mid-send is sent again once the lease runs out (at least once).
 */
@Repository
public class DeliveryStore {

    private static final String COLUMNS = "id, receiver, integration, integration_index, group_key, alert_status, "
            + "alert_count, fingerprints, body, status, attempts, next_attempt_at, last_error, created_at, "
            + "last_attempt_at, delivered_at";

    private final DatabaseClient db;

    DeliveryStore(DatabaseClient db) {
        this.db = db;
    }

    /** Stores a new delivery; it joins the caller's transaction. */
    public Mono<Void> add(Delivery delivery) {
        return db.sql("""
                        insert into delivery (receiver, integration, integration_index, group_key, alert_status,
                            alert_count, fingerprints, body, status, next_attempt_at, created_at)
                        values (:receiver, :integration, :index, :groupKey, :alertStatus, :alertCount, :fingerprints,
                            :body, 'PENDING', :nextAttemptAt, :createdAt)""")
                .bind("receiver", delivery.receiver())
                .bind("integration", delivery.integration())
                .bind("index", delivery.integrationIndex())
                .bind("groupKey", delivery.groupKey())
                .bind("alertStatus", delivery.alertStatus())
                .bind("alertCount", delivery.alertCount())
                .bind("fingerprints", delivery.fingerprints().toArray(String[]::new))
                .bind("body", delivery.body())
                .bind("nextAttemptAt", delivery.nextAttemptAt())
                .bind("createdAt", delivery.createdAt())
                .then();
    }

    /**
     * Claims up to {@code limit} due PENDING deliveries until {@code leaseUntil}. A delivery waits while an older
     * one of the same group to the same integration is still pending, so a receiver never hears "resolved"
     * before the "firing" it resolves.
     */
    Flux<Delivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        return db.sql("""
                        update delivery set next_attempt_at = :leaseUntil where id in (
                            select d.id from delivery d
                            where d.status = 'PENDING' and d.next_attempt_at <= :now
                              and not exists (select 1 from delivery e where e.status = 'PENDING' and e.id < d.id
                                  and e.receiver = d.receiver and e.integration = d.integration
                                  and e.integration_index = d.integration_index and e.group_key = d.group_key)
                            order by d.next_attempt_at, d.id limit :limit
                            for update skip locked)
                        returning\s""" + COLUMNS)
                .bind("now", now)
                .bind("leaseUntil", leaseUntil)
                .bind("limit", limit)
                .map(DeliveryStore::delivery)
                .all()
                .sort((a, b) -> Long.compare(a.id(), b.id()));
    }

    Mono<Void> delivered(long id, Instant at) {
        return db.sql("update delivery set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = :at, "
                        + "delivered_at = :at, last_error = null where id = :id")
                .bind("id", id)
                .bind("at", at)
                .then();
    }

    /** Records a failed attempt: PENDING again at {@code nextAttemptAt}, or FAILED when that is null. */
    Mono<Void> attemptFailed(long id, Instant at, String error, Instant nextAttemptAt) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("update delivery set attempts = attempts + 1, "
                        + "last_attempt_at = :at, last_error = :error, "
                        + "status = case when cast(:next as timestamptz) is null then 'FAILED' else 'PENDING' end, "
                        + "next_attempt_at = coalesce(cast(:next as timestamptz), next_attempt_at) where id = :id")
                .bind("id", id)
                .bind("at", at)
                .bind("error", error);
        spec = nextAttemptAt == null ? spec.bindNull("next", Instant.class) : spec.bind("next", nextAttemptAt);
        return spec.then();
    }

    /** Deliveries to a receiver given up after its latest successful delivery, and the last of their errors. */
    public record Failing(long count, String lastError) {
    }

    /**
     * How many deliveries to {@code receiver} were given up (FAILED) after its latest successful delivery (at a
     * later instant), and the error of the last one.
     */
    Mono<Failing> failingSinceLastSuccess(String receiver) {
        return db.sql("""
                        with given_up as (
                            select f.last_attempt_at, f.last_error, f.id from delivery f
                            where f.receiver = :receiver and f.status = 'FAILED'
                              and f.last_attempt_at > coalesce((select max(d.delivered_at) from delivery d
                                  where d.receiver = :receiver and d.status = 'DELIVERED'), '-infinity'))
                        select (select count(*) from given_up) as failed,
                               (select last_error from given_up order by last_attempt_at desc, id desc limit 1)
                                   as last_error""")
                .bind("receiver", receiver)
                .map(row -> new Failing(row.get("failed", Long.class), row.get("last_error", String.class)))
                .one();
    }

    /** Puts a FAILED delivery back in the queue, due at {@code now}, with a fresh count of attempts. */
    public Mono<Delivery> retry(long id, Instant now) {
        return db.sql("update delivery set status = 'PENDING', attempts = 0, next_attempt_at = :now "
                        + "where id = :id and status = 'FAILED' returning " + COLUMNS)
                .bind("id", id)
                .bind("now", now)
                .map(DeliveryStore::delivery)
                .one();
    }

    public Mono<Delivery> find(long id) {
        return db.sql("select " + COLUMNS + " from delivery where id = :id")
                .bind("id", id)
                .map(DeliveryStore::delivery)
                .one();
    }

    /** Newest first, optionally only those in {@code status} and to {@code receiver}. */
    public Flux<Delivery> list(DeliveryStatus status, String receiver, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from delivery where true");
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (receiver != null) {
            sql.append(" and receiver = :receiver");
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", limit);
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        if (receiver != null) {
            spec = spec.bind("receiver", receiver);
        }
        return spec.map(DeliveryStore::delivery).all();
    }

    private static Delivery delivery(Readable row) {
        String[] fingerprints = row.get("fingerprints", String[].class);
        return new Delivery(row.get("id", Long.class), row.get("receiver", String.class),
                row.get("integration", String.class), row.get("integration_index", Integer.class),
                row.get("group_key", String.class), row.get("alert_status", String.class),
                row.get("alert_count", Integer.class),
                fingerprints == null ? List.of() : Arrays.asList(fingerprints), row.get("body", String.class),
                DeliveryStatus.valueOf(row.get("status", String.class)), row.get("attempts", Integer.class),
                row.get("next_attempt_at", Instant.class), row.get("last_error", String.class),
                row.get("created_at", Instant.class), row.get("last_attempt_at", Instant.class),
                row.get("delivered_at", Instant.class));
    }
}
