package io.adpulse.testsupport;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Reads a service's schema (the one its {@link DatabaseClient} connects to) from {@code information_schema}: every
 * table, and every column that can hold an id (text, character, JSON, arrays, bytes), searched for a value anywhere
 * inside it. What a scan after an erasure uses to prove that no row of the account is left, whatever the table,
 * including one added after the eraser was written. Shared by the erasure tests of the R2DBC services; it needs
 * {@code spring-r2dbc}, which each of them brings ({@code provided} here, so other users of this jar do not get it).
 */
public final class TableScan {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DatabaseClient db;

    public TableScan(DatabaseClient db) {
        this.db = db;
    }

    /** Every table of the service's schema but Flyway's history. */
    public Set<String> tables() {
        return new TreeSet<>(db.sql("""
                        select table_name from information_schema.tables
                         where table_schema = current_schema() and table_type = 'BASE TABLE'
                           and table_name <> 'flyway_schema_history'
                        """)
                .map(row -> row.get(0, String.class)).all().collectList().block(TIMEOUT));
    }

    /** Per table and column, the rows whose value contains {@code needle}; only the non-zero counts. */
    public Map<String, Long> rowsContaining(String needle) {
        return rowsContaining(needle, Map.of());
    }

    /**
     * As {@link #rowsContaining(String)}, leaving out the rows of a table that match its condition in {@code kept}:
     * the record that an erasure happened, which is not the erased data.
     */
    public Map<String, Long> rowsContaining(String needle, Map<String, String> kept) {
        List<Map<String, String>> columns = db.sql("""
                        select c.table_name, c.column_name, c.data_type from information_schema.columns c
                          join information_schema.tables t
                            on t.table_schema = c.table_schema and t.table_name = c.table_name
                         where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                           and c.table_name <> 'flyway_schema_history'
                           and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY',
                                               'bytea')
                         order by c.table_name, c.ordinal_position
                        """)
                .map(row -> Map.of("table", row.get(0, String.class), "column", row.get(1, String.class),
                        "type", row.get(2, String.class)))
                .all().collectList().block(TIMEOUT);
        Map<String, Long> found = new LinkedHashMap<>();
        for (Map<String, String> column : columns) {
            String name = "\"" + column.get("column") + "\"";
            String text = column.get("type").equals("bytea") ? "encode(" + name + ", 'escape')"
                    : "cast(" + name + " as text)";
            String keptRows = kept.containsKey(column.get("table")) ? " and not (" + kept.get(column.get("table")) + ")"
                    : "";
            long count = db.sql("select count(*) from \"" + column.get("table") + "\" where strpos(" + text
                            + ", :needle) > 0" + keptRows)
                    .bind("needle", needle)
                    .map(row -> row.get(0, Long.class)).one().block(TIMEOUT);
            if (count > 0) {
                found.put(column.get("table") + "." + column.get("column"), count);
            }
        }
        return found;
    }
}
