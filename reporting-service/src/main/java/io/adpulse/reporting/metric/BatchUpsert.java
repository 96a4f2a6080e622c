package io.adpulse.reporting.metric;

import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One multi-row {@code insert ... values (..), (..) on conflict ... do update ... where ...} per chunk of rows: a
 * whole poll of observations costs a few statements instead of one round trip per observation. The caller passes
 * rows with distinct keys (PostgreSQL refuses to update one row twice in a statement) and the values in column order,
 * nullable ones as {@link org.springframework.r2dbc.core.Parameter}s.
 */
final class BatchUpsert {

    /** Rows per statement: PostgreSQL allows 65,535 parameters per statement; 17 columns × 1000 stay well below. */
    static final int ROWS_PER_STATEMENT = 1000;

    private final String head;
    private final String tail;
    private final int columns;

    /**
     * @param head    {@code insert into t (c1, ..., cn) values}
     * @param tail    {@code on conflict (...) do update set ... where ...}
     * @param columns n
     */
    BatchUpsert(String head, String tail, int columns) {
        this.head = head;
        this.tail = tail;
        this.columns = columns;
    }

    /** Upserts {@code rows}; emits how many were inserted or replaced (the others were not newer). */
    Mono<Long> run(DatabaseClient db, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        List<List<Object[]>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
        }
        return Flux.fromIterable(chunks)
                .concatMap(chunk -> statement(db, chunk).fetch().rowsUpdated())
                .reduce(0L, Long::sum);
    }

    private DatabaseClient.GenericExecuteSpec statement(DatabaseClient db, List<Object[]> chunk) {
        StringBuilder sql = new StringBuilder(head.length() + tail.length() + chunk.size() * columns * 5);
        sql.append(head).append('\n');
        int parameter = 1;
        for (int row = 0; row < chunk.size(); row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 0; column < columns; column++) {
                sql.append(column == 0 ? "$" : ", $").append(parameter++);
            }
            sql.append(')');
        }
        sql.append('\n').append(tail);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        int index = 0;
        for (Object[] values : chunk) {
            if (values.length != columns) {
                throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
            }
            for (Object value : values) {
                spec = spec.bind(index++, value);
            }
        }
        return spec;
    }
}
