package io.adpulse.reporting.privacy;

import io.r2dbc.postgresql.codec.Json;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything this service holds about one account, row by row: the rows of every table {@link AccountEraser} erases,
 * selected by the same conditions, so what an erasure deletes and what an export shows are the same by construction.
 * Rows are streamed table after table (one query per table), never collected. A row is its columns by name; JSON
 * columns are kept as JSON, bytes as base64, times as ISO-8601. This service holds no secret.
 */
@Component
class AccountExport {

    /** One exported row: the service and table it comes from and its columns. */
    record Row(String service, String table, Map<String, Object> row) {
    }

    private final DatabaseClient db;
    private final JsonMapper json = JsonMapper.builder().build();

    AccountExport(DatabaseClient db) {
        this.db = db;
    }

    /** The account's rows of every table, in the erasure's table order. */
    Flux<Row> rows(String connectionId, List<String> accountIds) {
        String[] ids = accountIds.toArray(String[]::new);
        return Flux.fromIterable(AccountEraser.TABLES.entrySet())
                .concatMap(table -> bind(db.sql("select * from " + table.getKey() + " where " + table.getValue()),
                                table.getValue(), connectionId, ids)
                        .fetch().all()
                        .map(columns -> new Row(PrivacyRequestListener.SERVICE, table.getKey(), plain(columns))));
    }

    /** Binds the parameters the condition names (a statement rejects one it does not use). */
    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String condition,
            String connectionId, String[] ids) {
        if (condition.contains(":connection")) {
            spec = spec.bind("connection", connectionId);
        }
        return condition.contains(":ids") ? spec.bind("ids", ids) : spec;
    }

    private Map<String, Object> plain(Map<String, Object> columns) {
        Map<String, Object> row = new LinkedHashMap<>();
        columns.forEach((name, value) -> row.put(name, plain(value)));
        return row;
    }

    private Object plain(Object value) {
        if (value instanceof Json j) {
            return json.readTree(j.asString());
        }
        if (value instanceof ByteBuffer b) {
            return Base64.getEncoder().encodeToString(bytes(b));
        }
        if (value instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        return value;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
