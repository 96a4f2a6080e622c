package io.adpulse.alerting.notify.dispatch;

import io.adpulse.alerting.alert.domain.AlertState;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Notification groups and their members ({@code notification_group}, {@code notification_member}). */
@Repository
class NotificationStore {

    /** Advisory lock key of the dispatcher ("notify" in ASCII): one instance dispatches at a time. */
    private static final long DISPATCH_LOCK = 0x6e6f74696679L;
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    NotificationStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<Boolean> tryLockDispatch() {
        return db.sql("select pg_try_advisory_xact_lock(:key) as locked")
                .bind("key", DISPATCH_LOCK)
                .map(row -> row.get("locked", Boolean.class))
                .one();
    }

    /**
     * The id of the group of {@code route} with {@code groupKey}; a new group is first flushed at
     * {@code firstFlushAt} (now + group wait), an existing one keeps its schedule.
     */
    Mono<Long> group(String route, String receiver, String groupKey, Map<String, String> groupLabels, Instant now,
            Instant firstFlushAt) {
        return db.sql("""
                        insert into notification_group (route, receiver, group_key, group_labels, created_at, next_flush_at)
                        values (:route, :receiver, :groupKey, cast(:labels as jsonb), :now, :firstFlushAt)
                        on conflict (route, group_key) do update set receiver = excluded.receiver
                        returning id""")
                .bind("route", route)
                .bind("receiver", receiver)
                .bind("groupKey", groupKey)
                .bind("labels", json.writeValueAsString(groupLabels))
                .bind("now", now)
                .bind("firstFlushAt", firstFlushAt)
                .map(row -> row.get("id", Long.class))
                .one();
    }

    Mono<Void> addMember(long groupId, long alertId) {
        return db.sql("insert into notification_member (group_id, alert_id) values (:groupId, :alertId) "
                        + "on conflict do nothing")
                .bind("groupId", groupId)
                .bind("alertId", alertId)
                .then();
    }

    Flux<NotificationGroup> due(Instant now, int limit) {
        return db.sql("select id, route, group_key, group_labels::text as group_labels, last_notified_at "
                        + "from notification_group where next_flush_at <= :now order by next_flush_at, id limit :limit")
                .bind("now", now)
                .bind("limit", limit)
                .map(row -> new NotificationGroup(row.get("id", Long.class), row.get("route", String.class),
                        row.get("group_key", String.class), json.readValue(row.get("group_labels", String.class), LABELS),
                        row.get("last_notified_at", Instant.class)))
                .all();
    }

    Flux<Member> members(long groupId) {
        return db.sql("select alert_id, notified_state from notification_member where group_id = :groupId "
                        + "order by alert_id")
                .bind("groupId", groupId)
                .map(row -> {
                    String state = row.get("notified_state", String.class);
                    return new Member(row.get("alert_id", Long.class), state == null ? null : AlertState.valueOf(state));
                })
                .all();
    }

    Mono<Void> markNotified(long groupId, Collection<Long> alertIds, AlertState state) {
        if (alertIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("update notification_member set notified_state = :state "
                        + "where group_id = :groupId and alert_id = any(:ids)")
                .bind("state", state.name())
                .bind("groupId", groupId)
                .bind("ids", alertIds.toArray(Long[]::new))
                .then();
    }

    Mono<Void> removeMembers(long groupId, Collection<Long> alertIds) {
        if (alertIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("delete from notification_member where group_id = :groupId and alert_id = any(:ids)")
                .bind("groupId", groupId)
                .bind("ids", alertIds.toArray(Long[]::new))
                .then();
    }

    /** Deletes the group when it has no members left, else schedules its next flush. */
    Mono<Void> reschedule(long groupId, Instant nextFlushAt, Instant lastNotifiedAt) {
        return db.sql("delete from notification_group g where id = :groupId "
                        + "and not exists (select 1 from notification_member m where m.group_id = g.id)")
                .bind("groupId", groupId)
                .fetch()
                .rowsUpdated()
                .flatMap(deleted -> deleted > 0 ? Mono.<Void>empty() : update(groupId, nextFlushAt, lastNotifiedAt));
    }

    private Mono<Void> update(long groupId, Instant nextFlushAt, Instant lastNotifiedAt) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("update notification_group set next_flush_at = :next, "
                        + "last_notified_at = :last where id = :groupId")
                .bind("next", nextFlushAt)
                .bind("groupId", groupId);
        spec = lastNotifiedAt == null ? spec.bindNull("last", Instant.class) : spec.bind("last", lastNotifiedAt);
        return spec.then();
    }
}
