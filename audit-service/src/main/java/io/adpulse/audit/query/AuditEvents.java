package io.adpulse.audit.query;

import io.adpulse.audit.chain.ChainRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Reads pages of the audit log. Paging is by sequence (keyset), so a page costs the same wherever it is
 * and entries appended meanwhile neither repeat nor shift a listing in progress. One row more than the
 * limit is read to know whether a next page exists.
 */
@Repository
class AuditEvents {

    private final DatabaseClient db;

    AuditEvents(DatabaseClient db) {
        this.db = db;
    }

    Mono<EventPage> find(EventQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        condition(conditions, binds, "event_type = :type", "type", query.type());
        condition(conditions, binds, "subject = :subject", "subject", query.subject());
        condition(conditions, binds, "actor = :actor", "actor", query.actor());
        condition(conditions, binds, "topic = :topic", "topic", query.topic());
        condition(conditions, binds, "valid = :valid", "valid", query.valid());
        condition(conditions, binds, "coalesce(event_time, recorded_at) >= :from", "from", query.from());
        condition(conditions, binds, "coalesce(event_time, recorded_at) < :to", "to", query.to());
        boolean ascending = query.order() == EventQuery.Order.ASC;
        condition(conditions, binds, ascending ? "sequence > :after" : "sequence < :after", "after", query.after());
        String sql = "select " + ChainRows.READ_COLUMNS + " from audit_event"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by sequence " + (ascending ? "asc" : "desc") + " limit :limit";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("limit", query.limit() + 1);
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map(ChainRows::entry).all()
                .map(AuditEventView::of)
                .collectList()
                .map(rows -> page(rows, query));
    }

    private static EventPage page(List<AuditEventView> rows, EventQuery query) {
        boolean more = rows.size() > query.limit();
        List<AuditEventView> items = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? Long.toString(items.get(items.size() - 1).sequence()) : null;
        return new EventPage(List.copyOf(items), query.order().name().toLowerCase(Locale.ROOT), next);
    }

    private static void condition(List<String> conditions, Map<String, Object> binds, String sql, String name,
            Object value) {
        if (value != null) {
            conditions.add(sql);
            binds.put(name, value);
        }
    }
}
