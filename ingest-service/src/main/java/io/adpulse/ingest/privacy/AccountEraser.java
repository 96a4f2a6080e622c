package io.adpulse.ingest.privacy;

import io.adpulse.events.PrivacyRequested;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes every row of one account from this service's tables: its connection rows (by connection id or by one of
 * its advertiser ids), their sync runs and watermarks, the published-fact ledger of its advertisers, the TikTok
 * webhook notifications about its TikTok user (creator accounts), the posts made to a creator account with the
 * videos uploaded for them, the comments on its videos in the triage queue, and the commands (writes) made for it.
 * One SQL
 * statement of data-modifying CTEs, so the erasure is all or nothing; running it again deletes nothing more, which
 * makes a redelivered request harmless.
 */
@Component
public class AccountEraser {

    /** Table → the condition that selects the account's rows ({@code :connection}, {@code :ids} bound), in deletion order. */
    public static final Map<String, String> TABLES = tables();

    private static final String SQL = "with "
            + TABLES.entrySet().stream()
                    .map(t -> "d_" + t.getKey() + " as (delete from " + t.getKey() + " where " + t.getValue()
                            + " returning 1)")
                    .collect(Collectors.joining(", "))
            + " select "
            + TABLES.keySet().stream()
                    .map(t -> "(select count(*) from d_" + t + ") as " + t)
                    .collect(Collectors.joining(", "));

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        String connections = "(select id from connection where id = :connection or advertiser_id = any(:ids))";
        tables.put("sync_run", "connection_id in " + connections);
        tables.put("sync_watermark", "connection_id in " + connections);
        tables.put("published_fact", "advertiser_id = any(:ids)");
        // posts to a creator account and the videos uploaded for them, and the comments on its videos
        String posts = "(connection_id in " + connections + " or open_id = any(:ids))";
        String videos = "(select media_id from publish where media_id is not null and " + posts + ")";
        tables.put("media_chunk", "media_id in " + videos);
        tables.put("media", "id in " + videos);
        tables.put("publish", posts);
        tables.put("comment_triage", "connection_id in " + connections + " or open_id = any(:ids)");
        tables.put("connection", "id = :connection or advertiser_id = any(:ids)");
        tables.put("webhook_inbox", ":openId <> '' and user_open_id = :openId");
        tables.put("command", "connection_id = :connection or advertiser_id = any(:ids)");
        return java.util.Collections.unmodifiableMap(tables);
    }

    private final DatabaseClient db;

    AccountEraser(DatabaseClient db) {
        this.db = db;
    }

    /** Deletes the account's rows; emits the number deleted per table, in deletion order. */
    public Mono<Map<String, Long>> erase(PrivacyRequested request) {
        return db.sql(SQL)
                .bind("connection", request.connectionId())
                .bind("ids", request.accountIds().toArray(String[]::new))
                .bind("openId", request.openId() == null ? "" : request.openId())
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
