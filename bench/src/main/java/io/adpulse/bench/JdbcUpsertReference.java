package io.adpulse.bench;

import io.adpulse.events.EventEnvelope;
import io.adpulse.events.MetricObserved;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The usual approach, as the reference for the pipeline: the same observations, already decoded, upserted with
 * plain JDBC batches (1000 rows a batch and a commit, one connection) into tables created by reporting-service's own
 * Flyway migrations (read from its jar, so the shape is identical), with the same latest-observation-wins rule.
 */
final class JdbcUpsertReference {

    static final String DATABASE = "bench_reference";
    static final int BATCH = 1000;

    private static final String DAILY = """
            insert into daily_metric (advertiser_id, level, entity_id, stat_date, connection_id, spend, impressions,
                clicks, reach, conversions, conversion_value, video_views, currency, time_zone, observed_at, event_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (advertiser_id, level, entity_id, stat_date) do update set
                connection_id = excluded.connection_id, spend = excluded.spend, impressions = excluded.impressions,
                clicks = excluded.clicks, reach = excluded.reach, conversions = excluded.conversions,
                conversion_value = excluded.conversion_value, video_views = excluded.video_views,
                currency = excluded.currency, time_zone = excluded.time_zone, observed_at = excluded.observed_at,
                event_id = excluded.event_id, updated_at = now()
            where daily_metric.observed_at < excluded.observed_at
            """;
    private static final String HOURLY = """
            insert into hourly_metric (advertiser_id, level, entity_id, stat_date, stat_hour, connection_id, spend,
                impressions, clicks, reach, conversions, conversion_value, video_views, currency, time_zone,
                observed_at, event_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (advertiser_id, level, entity_id, stat_date, stat_hour) do update set
                connection_id = excluded.connection_id, spend = excluded.spend, impressions = excluded.impressions,
                clicks = excluded.clicks, reach = excluded.reach, conversions = excluded.conversions,
                conversion_value = excluded.conversion_value, video_views = excluded.video_views,
                currency = excluded.currency, time_zone = excluded.time_zone, observed_at = excluded.observed_at,
                event_id = excluded.event_id, updated_at = now()
            where hourly_metric.observed_at < excluded.observed_at
            """;

    private JdbcUpsertReference() {
    }

    /** Creates the tables in {@code database}, upserts every observation and returns the elapsed nanoseconds. */
    static long run(Infrastructure infra, String database, MetricWorkload workload, Path reportingJar)
            throws SQLException, IOException {
        try (Connection c = infra.connect(database)) {
            try (Statement s = c.createStatement()) {
                for (String migration : migrations(reportingJar)) {
                    s.execute(migration);
                }
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement daily = c.prepareStatement(DAILY); PreparedStatement hourly = c.prepareStatement(HOURLY)) {
                int pending = 0;
                for (EventEnvelope<MetricObserved> e : workload.events()) {
                    MetricObserved m = e.data();
                    boolean isHourly = m.statHour() != null;
                    PreparedStatement ps = isHourly ? hourly : daily;
                    int i = 1;
                    ps.setString(i++, m.advertiserId());
                    ps.setString(i++, m.level().name());
                    ps.setString(i++, m.entityId());
                    ps.setDate(i++, Date.valueOf(m.statDate()));
                    if (isHourly) {
                        ps.setShort(i++, m.statHour().shortValue());
                    }
                    ps.setString(i++, m.connectionId());
                    for (String metric : List.of("spend", "impressions", "clicks", "reach", "conversion",
                            "total_purchase_value", "video_play_actions")) {
                        BigDecimal value = m.missing().contains(metric) ? null : m.metrics().get(metric);
                        if (value == null) {
                            ps.setNull(i++, Types.NUMERIC);
                        } else {
                            ps.setBigDecimal(i++, value);
                        }
                    }
                    ps.setString(i++, m.currency());
                    ps.setString(i++, m.timeZone());
                    ps.setTimestamp(i++, Timestamp.from(m.observedAt()));
                    ps.setString(i, e.id());
                    ps.addBatch();
                    if (++pending == BATCH) {
                        daily.executeBatch();
                        hourly.executeBatch();
                        c.commit();
                        pending = 0;
                    }
                }
                daily.executeBatch();
                hourly.executeBatch();
                c.commit();
            }
            return System.nanoTime() - start;
        }
    }

    /** reporting-service's Flyway migrations, in version order, from its executable jar. */
    static List<String> migrations(Path reportingJar) throws IOException {
        TreeMap<Integer, String> byVersion = new TreeMap<>();
        try (JarFile jar = new JarFile(reportingJar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith("BOOT-INF/classes/db/migration/V") && name.endsWith(".sql")) {
                    String file = name.substring(name.lastIndexOf('/') + 2);
                    int version = Integer.parseInt(file.substring(0, file.indexOf("__")));
                    try (InputStream in = jar.getInputStream(entry)) {
                        byVersion.put(version, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        if (byVersion.isEmpty()) {
            throw new IllegalStateException("no Flyway migrations in " + reportingJar);
        }
        return new ArrayList<>(byVersion.values());
    }
}
