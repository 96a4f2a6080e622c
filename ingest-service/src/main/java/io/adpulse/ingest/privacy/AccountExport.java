package io.adpulse.ingest.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Everything this service holds about one account, row by row: the rows of every table {@link AccountEraser} erases,
 * selected by the same conditions, so what an erasure deletes and what an export shows are the same by construction.
 * Rows are streamed table after table, never collected. The sealed access token of a connection is never exported:
 * {@value #TOKEN_PRESENT} says whether one is stored. Bytes (webhook payloads) are shown as UTF-8 text.
 */
@Component
public class AccountExport {

    /** One exported row: the service and table it comes from and its columns. */
    public record Row(String service, String table, Map<String, Object> row) {
    }

    /** Stands in for the secret columns of {@code connection}. */
    static final String TOKEN_PRESENT = "token_present";
    private static final Set<String> SECRET_COLUMNS = Set.of("token_key_id", "token_ciphertext");

    private final DatabaseClient db;

    AccountExport(DatabaseClient db) {
        this.db = db;
    }

    /** The account's rows of every table, in the erasure's table order. */
    public Flux<Row> rows(String connectionId, List<String> accountIds, String openId) {
        String[] ids = accountIds.toArray(String[]::new);
        return Flux.fromIterable(AccountEraser.TABLES.entrySet())
                .concatMap(table -> bind(db.sql("select * from " + table.getKey() + " where " + table.getValue()),
                                table.getValue(), connectionId, ids, openId)
                        .fetch().all()
                        .map(columns -> new Row(PrivacyRequestListener.SERVICE, table.getKey(), plain(columns))));
    }

    /** Binds the parameters the condition names (a statement rejects one it does not use). */
    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String condition,
            String connectionId, String[] ids, String openId) {
        if (condition.contains(":connection")) {
            spec = spec.bind("connection", connectionId);
        }
        if (condition.contains(":ids")) {
            spec = spec.bind("ids", ids);
        }
        return condition.contains(":openId") ? spec.bind("openId", openId == null ? "" : openId) : spec;
    }

    private static Map<String, Object> plain(Map<String, Object> columns) {
        Map<String, Object> row = new LinkedHashMap<>();
        boolean secret = false;
        for (Map.Entry<String, Object> column : columns.entrySet()) {
            if (SECRET_COLUMNS.contains(column.getKey())) {
                secret |= column.getValue() != null;
                continue;
            }
            row.put(column.getKey(), plain(column.getValue()));
        }
        if (columns.containsKey("token_ciphertext")) {
            row.put(TOKEN_PRESENT, secret);
        }
        return row;
    }

    private static Object plain(Object value) {
        if (value instanceof ByteBuffer b) {
            byte[] bytes = new byte[b.remaining()];
            b.duplicate().get(bytes);
            return text(bytes);
        }
        if (value instanceof byte[] b) {
            return text(b);
        }
        return value;
    }

    private static String text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') < 0 ? text : Base64.getEncoder().encodeToString(bytes);
    }
}
