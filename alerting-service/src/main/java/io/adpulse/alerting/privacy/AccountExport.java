package io.adpulse.alerting.privacy;

import io.adpulse.events.EventType;
import io.r2dbc.postgresql.codec.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything this service holds about one account's advertisers, row by row, from every table {@link AccountEraser}
 * erases and with the same conditions ({@code :ids} the advertiser ids, {@code :connection} the connection id).
 * Rows are streamed table after table, never collected; JSON columns stay JSON, bytes are shown as UTF-8 text.
 */
@Component
class AccountExport {

    /** One exported row: the service and table it comes from and its columns. */
    record Row(String service, String table, Map<String, Object> row) {
    }

    private static final String ALERTS = "select id from alert where labels ->> 'advertiser_id' = any(:ids)";

    /** Table → the condition selecting the account's rows, as the erasure selects them. */
    static final Map<String, String> TABLES = tables();

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : List.of("advertiser", "campaign", "campaign_spend", "campaign_hourly", "adgroup",
                "adgroup_spend")) {
            tables.put(table, "advertiser_id = any(:ids)");
        }
        tables.put("connection_state", "connection_id = :connection or advertiser_id = any(:ids)");
        tables.put("api_error", "connection_id = :connection or advertiser_id = any(:ids)");
        tables.put("alert", "labels ->> 'advertiser_id' = any(:ids)");
        tables.put("notification_group", "group_labels ->> 'advertiser_id' = any(:ids)");
        tables.put("notification_member", "alert_id in (" + ALERTS + ") or group_id in (select id from"
                + " notification_group where group_labels ->> 'advertiser_id' = any(:ids))");
        tables.put("delivery", "fingerprints && array(select fingerprint from alert"
                + " where labels ->> 'advertiser_id' = any(:ids))");
        tables.put("outbox", "event_type in ('" + EventType.ALERT_FIRED.type() + "', '" + EventType.ALERT_RESOLVED.type()
                + "') and record_key in (select fingerprint from alert where labels ->> 'advertiser_id' = any(:ids))");
        return java.util.Collections.unmodifiableMap(tables);
    }

    private final DatabaseClient db;
    private final JsonMapper json = JsonMapper.builder().build();

    AccountExport(DatabaseClient db) {
        this.db = db;
    }

    /** The account's rows of every table. */
    Flux<Row> rows(String connectionId, List<String> accountIds) {
        String[] ids = accountIds.toArray(String[]::new);
        return Flux.fromIterable(TABLES.entrySet())
                .concatMap(table -> {
                    var spec = db.sql("select * from " + table.getKey() + " where " + table.getValue())
                            .bind("ids", ids);
                    if (table.getValue().contains(":connection")) {
                        spec = spec.bind("connection", connectionId);
                    }
                    return spec.fetch().all()
                            .map(columns -> new Row(PrivacyRequestListener.SERVICE, table.getKey(), plain(columns)));
                });
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
            byte[] bytes = new byte[b.remaining()];
            b.duplicate().get(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.indexOf('\uFFFD') < 0 ? text : Base64.getEncoder().encodeToString(bytes);
        }
        return value;
    }
}
