package io.adpulse.auth.privacy;

import io.adpulse.events.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything auth-service holds about one connection, row by row, table after table, streamed: the {@code connection}
 * row; its stored tokens' type, expiry and storage time ({@code connection_token}; never the key id, wrapped key or
 * ciphertext); its {@code tiktok.connections.v1} records in the {@code outbox} (ids and times; never the payload, which
 * carries the sealed token); and the erasure requests about it with every service's confirmation
 * ({@code privacy_request}, {@code privacy_completion}). OAuth states name operators, not accounts, and are not part
 * of an account's export.
 */
@Component
class AccountExport {

    /** One exported row: the service and table it comes from and its columns. */
    record Row(String service, String table, Map<String, Object> row) {
    }

    /** Each table and the query for the connection's rows, in the order they are exported. */
    static final Map<String, String> TABLES = tables();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient db;

    AccountExport(DatabaseClient db) {
        this.db = db;
    }

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("connection", "select * from connection where id = :c");
        tables.put("connection_token", "select connection_id, token_type, expires_at, stored_at from connection_token"
                + " where connection_id = :c order by token_type");
        tables.put("outbox", "select seq, event_id, topic, record_key, created_at, published_at from outbox"
                + " where record_key = :c and topic = '" + Topics.CONNECTIONS + "' order by seq");
        tables.put("privacy_request", "select * from privacy_request where connection_id = :c order by requested_at");
        tables.put("privacy_completion", "select pc.request_id, pc.service, cast(pc.deleted_rows as text)"
                + " as deleted_rows, pc.completed_at from privacy_completion pc join privacy_request pr"
                + " on pr.id = pc.request_id where pr.connection_id = :c order by pc.completed_at, pc.service");
        return java.util.Collections.unmodifiableMap(tables);
    }

    /** The connection's rows of every table above. */
    Flux<Row> rows(String connectionId) {
        return Flux.fromIterable(TABLES.entrySet())
                .concatMap(table -> db.sql(table.getValue()).bind("c", connectionId).fetch().all()
                        .map(columns -> new Row(ErasureService.SERVICE, table.getKey(), plain(columns))));
    }

    private static Map<String, Object> plain(Map<String, Object> columns) {
        Map<String, Object> row = new LinkedHashMap<>();
        columns.forEach((name, value) -> row.put(name,
                name.equals("deleted_rows") && value instanceof String json ? JSON.readTree(json) : value));
        return row;
    }
}
