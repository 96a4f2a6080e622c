package io.adpulse.reporting.metric;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * One {@code insert into t (c1, ..., cn) select * from unnest($1::type1[], ..., $n::typen[]) on conflict ... do update
 * ... where ...} per batch: every column goes as one array parameter, so a whole poll of observations is one statement
 * of n parameters whatever its size. PostgreSQL parses and plans it once per batch and reads the rows from the arrays,
 * where a multi-row {@code values} list of n parameters per row made each statement tens of thousands of parameters
 * to parse, bind and plan. The caller passes rows with distinct keys (PostgreSQL refuses to update one row twice in a
 * statement) and the values in column order, {@code null} for a missing value.
 */
final class BatchUpsert {

    /** A column: its name, its SQL type (the cast of its array parameter) and the Java type of its values. */
    record Column(String name, String sqlType, Class<?> javaType) {
    }

    private final String sql;
    private final List<Column> columns;

    /**
     * @param table   the table
     * @param columns its columns, in the order of the values of a row; an array of each one's Java type is bound (a
     *                type r2dbc-postgresql encodes as an array of that SQL type)
     * @param tail    {@code on conflict (...) do update set ... where ...}
     */
    BatchUpsert(String table, List<Column> columns, String tail) {
        StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(columns.get(i).name());
        }
        sql.append(")\nselect * from unnest(");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('$').append(i + 1).append("::").append(columns.get(i).sqlType())
                    .append("[]");
        }
        this.sql = sql.append(")\n").append(tail.strip()).toString();
        this.columns = List.copyOf(columns);
    }

    /** Upserts {@code rows}; emits how many were inserted or replaced (the others were not newer). */
    Mono<Long> run(DatabaseClient db, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        return Mono.defer(() -> db.sql(sql).bindValues(arrays(rows)).fetch().rowsUpdated());
    }

    /** One array per column, its elements the rows' values in row order. */
    private List<Object> arrays(List<Object[]> rows) {
        List<Object> arrays = new ArrayList<>(columns.size());
        for (Column column : columns) {
            arrays.add(Array.newInstance(column.javaType(), rows.size()));
        }
        for (int row = 0; row < rows.size(); row++) {
            Object[] values = rows.get(row);
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
            }
            for (int column = 0; column < values.length; column++) {
                Array.set(arrays.get(column), row, values[column]);
            }
        }
        return arrays;
    }
}
