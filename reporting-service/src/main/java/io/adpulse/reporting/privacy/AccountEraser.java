package io.adpulse.reporting.privacy;

import io.adpulse.events.PrivacyRequested;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes every row of one account from this service's tables: entity snapshots and daily and hourly metrics
 * whose connection is the request's or whose advertiser is one of its ids, the organic videos of the connection
 * or of the creator ({@code openId}, one of the request's account ids), the advertiser's brand assignment and the
 * generated client reports that list it. One SQL statement of data-modifying
 * CTEs, so the erasure is all or nothing; running it again deletes nothing more, which makes a redelivered request
 * harmless.
 */
@Component
class AccountEraser {

    /** Table → the condition that selects the account's rows ({@code :connection}, {@code :ids} bound), in order. */
    static final Map<String, String> TABLES = tables();

    private static final String SQL = "with "
            + TABLES.entrySet().stream()
                    .map(t -> "d_" + t.getKey() + " as (delete from " + t.getKey() + " where " + t.getValue()
                            + " returning 1)")
                    .collect(Collectors.joining(", "))
            + " select "
            + TABLES.keySet().stream()
                    .map(t -> "(select count(*) from d_" + t + ") as " + t)
                    .collect(Collectors.joining(", "));

    private final DatabaseClient db;

    AccountEraser(DatabaseClient db) {
        this.db = db;
    }

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        String account = "connection_id = :connection or advertiser_id = any(:ids)";
        tables.put("daily_metric", account);
        tables.put("hourly_metric", account);
        tables.put("entity_state", account);
        tables.put("organic_video", "connection_id = :connection or open_id = any(:ids)");
        // The advertiser's assignment to a brand: meaningless once its data is gone, and it names the account.
        tables.put("brand_advertiser", "advertiser_id = any(:ids)");
        // Generated client reports that list the advertiser (its id is a whole cell of their CSV; the HTML shows
        // the same lines): a report is derived data and can be generated again without it.
        tables.put("report", "exists (select 1 from unnest(cast(:ids as text[])) as erased(id)"
                + " where strpos(csv, ',' || erased.id || ',') > 0)");
        return Collections.unmodifiableMap(tables);
    }

    /** Deletes the account's rows; emits the number deleted per table, in deletion order. */
    Mono<Map<String, Long>> erase(PrivacyRequested request) {
        return db.sql(SQL)
                .bind("connection", request.connectionId())
                .bind("ids", request.accountIds().toArray(String[]::new))
                .map(row -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    for (String table : TABLES.keySet()) {
                        counts.put(table, row.get(table, Long.class));
                    }
                    return counts;
                })
                .one();
    }
}
