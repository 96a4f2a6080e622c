package io.adpulse.alerting.alert.domain;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alert episodes in the {@code alert} table. Labels are stored as {@code jsonb} so a rule's scope can be
 * matched with containment ({@code labels @> scope}). A partial unique index allows one FIRING episode
 * per fingerprint, which is the database's own guarantee that a condition never fires twice at once.
 */
@Repository
public class AlertRepository {

    private static final String COLUMNS = "id, fingerprint, rule, severity, state, labels::text as labels, summary, "
            + "starts_at, resolved_at, resolution, acknowledged_by, acknowledged_at";
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    AlertRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Firing episodes of {@code rule} whose labels contain every label of {@code scope}. */
    Flux<Alert> findFiring(String rule, Map<String, String> scope) {
        return db.sql("select " + COLUMNS + " from alert where state = 'FIRING' and rule = :rule "
                        + "and labels @> cast(:scope as jsonb) order by id")
                .bind("rule", rule)
                .bind("scope", json.writeValueAsString(scope))
                .map(this::alert)
                .all();
    }

    /** Every firing episode, of every rule: the candidates to inhibit other alerts. */
    public Flux<Alert> allFiring() {
        return db.sql("select " + COLUMNS + " from alert where state = 'FIRING' order by id")
                .map(this::alert)
                .all();
    }

    /** Labels of every firing episode of {@code rule} whose labels contain {@code scope}. */
    Flux<Map<String, String>> firingLabels(String rule, Map<String, String> scope) {
        return findFiring(rule, scope).map(Alert::labels);
    }

    Mono<Void> insertFiring(AlertCandidate candidate, Instant startsAt) {
        return db.sql("insert into alert (fingerprint, rule, severity, state, labels, summary, starts_at) "
                        + "values (:fingerprint, :rule, :severity, 'FIRING', cast(:labels as jsonb), :summary, :startsAt)")
                .bind("fingerprint", candidate.fingerprint())
                .bind("rule", candidate.rule())
                .bind("severity", candidate.severity().name())
                .bind("labels", json.writeValueAsString(candidate.labels()))
                .bind("summary", candidate.summary())
                .bind("startsAt", startsAt)
                .then();
    }

    /** Resolves a firing episode; false when it was no longer firing (another evaluation resolved it). */
    Mono<Boolean> resolve(long id, String resolution, Instant resolvedAt) {
        return db.sql("update alert set state = 'RESOLVED', resolved_at = :resolvedAt, resolution = :resolution "
                        + "where id = :id and state = 'FIRING'")
                .bind("id", id)
                .bind("resolvedAt", resolvedAt)
                .bind("resolution", resolution)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** Takes the transaction-scoped advisory lock that serializes evaluations of one rule and scope. */
    Mono<Void> lockScope(String rule, Map<String, String> scope) {
        return db.sql("select 1 from (select pg_advisory_xact_lock(:key)) as locked")
                .bind("key", Fingerprint.lockKey(rule, scope))
                .map((row, metadata) -> Boolean.TRUE)
                .first()
                .then();
    }

    /** Episodes the notification dispatcher has not put in its groups yet, oldest first. */
    public Flux<Alert> unrouted(int limit) {
        return db.sql("select " + COLUMNS + " from alert where not routed order by id limit :limit")
                .bind("limit", limit)
                .map(this::alert)
                .all();
    }

    /** Records that the dispatcher has put the episode in its notification groups. */
    public Mono<Void> markRouted(long id) {
        return db.sql("update alert set routed = true where id = :id").bind("id", id).then();
    }

    /** The episodes with these ids, in id order. */
    public Flux<Alert> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("select " + COLUMNS + " from alert where id = any(:ids) order by id")
                .bind("ids", ids.toArray(Long[]::new))
                .map(this::alert)
                .all();
    }

    /** Newest episodes first, optionally only those in {@code state}. */
    public Flux<Alert> list(AlertState state, int limit) {
        return list(state, null, limit);
    }

    /**
     * The newest {@code limit} episodes, of {@code state} when given, and only those labelled with one of
     * {@code advertiserIds} when that is not {@code null} (none when it is empty).
     */
    public Flux<Alert> list(AlertState state, Set<String> advertiserIds, int limit) {
        return list(new AlertFilter(state, null, null, null, null, null), advertiserIds, limit, 0);
    }

    /**
     * Episodes matching {@code filter}, newest first (by start, then id), skipping {@code offset}; only those labelled
     * with one of {@code advertiserIds} when that is not {@code null} (none when it is empty).
     */
    public Flux<Alert> list(AlertFilter filter, Set<String> advertiserIds, int limit, int offset) {
        if (advertiserIds != null && advertiserIds.isEmpty()) {
            return Flux.empty();
        }
        String sql = "select " + COLUMNS + " from alert where true"
                + (filter.state() == null ? "" : " and state = :state")
                + (advertiserIds == null ? "" : " and labels ->> 'advertiser_id' = any(:advertisers)")
                + (filter.advertiserId() == null ? "" : " and labels ->> 'advertiser_id' = :advertiser")
                + (filter.rule() == null ? "" : " and rule = :rule")
                + (filter.severity() == null ? "" : " and severity = :severity")
                + (filter.since() == null ? "" : " and starts_at >= :since")
                + (filter.until() == null ? "" : " and starts_at < :until")
                + " order by starts_at desc, id desc limit :limit offset :offset";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("limit", limit).bind("offset", offset);
        if (filter.state() != null) {
            spec = spec.bind("state", filter.state().name());
        }
        if (advertiserIds != null) {
            spec = spec.bind("advertisers", advertiserIds.toArray(String[]::new));
        }
        if (filter.advertiserId() != null) {
            spec = spec.bind("advertiser", filter.advertiserId());
        }
        if (filter.rule() != null) {
            spec = spec.bind("rule", filter.rule());
        }
        if (filter.severity() != null) {
            spec = spec.bind("severity", filter.severity().name());
        }
        if (filter.since() != null) {
            spec = spec.bind("since", filter.since());
        }
        if (filter.until() != null) {
            spec = spec.bind("until", filter.until());
        }
        return spec.map(this::alert).all();
    }

    /** Records who acknowledged the latest episode of {@code fingerprint}; empty when there is none. */
    public Mono<Alert> acknowledge(String fingerprint, String actor, Instant at) {
        return db.sql("update alert set acknowledged_by = :actor, acknowledged_at = :at where id = "
                        + "(select id from alert where fingerprint = :fingerprint order by starts_at desc, id desc limit 1) "
                        + "returning " + COLUMNS)
                .bind("actor", actor)
                .bind("at", at)
                .bind("fingerprint", fingerprint)
                .map(this::alert)
                .one();
    }

    private Alert alert(Readable row) {
        return new Alert(
                row.get("id", Long.class),
                row.get("fingerprint", String.class),
                row.get("rule", String.class),
                Severity.valueOf(row.get("severity", String.class)),
                AlertState.valueOf(row.get("state", String.class)),
                json.readValue(row.get("labels", String.class), LABELS),
                row.get("summary", String.class),
                row.get("starts_at", Instant.class),
                row.get("resolved_at", Instant.class),
                row.get("resolution", String.class),
                row.get("acknowledged_by", String.class),
                row.get("acknowledged_at", Instant.class));
    }
}
