package io.adpulse.reporting.metric;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Writes {@code hourly_metric}, with the same latest-observation-wins rule as {@link DailyMetricRepository}. */
@Repository
class HourlyMetricRepository {

    private static final BatchUpsert UPSERT = new BatchUpsert("hourly_metric",
            List.of(new BatchUpsert.Column("advertiser_id", "varchar", String.class),
                    new BatchUpsert.Column("level", "varchar", String.class),
                    new BatchUpsert.Column("entity_id", "varchar", String.class),
                    new BatchUpsert.Column("stat_date", "date", LocalDate.class),
                    new BatchUpsert.Column("stat_hour", "smallint", Short.class),
                    new BatchUpsert.Column("connection_id", "varchar", String.class),
                    new BatchUpsert.Column("spend", "numeric", BigDecimal.class),
                    new BatchUpsert.Column("impressions", "numeric", BigDecimal.class),
                    new BatchUpsert.Column("clicks", "numeric", BigDecimal.class),
                    new BatchUpsert.Column("reach", "numeric", BigDecimal.class),
                    new BatchUpsert.Column("conversions", "numeric", BigDecimal.class),
                    new BatchUpsert.Column("conversion_value", "numeric", BigDecimal.class),
                    new BatchUpsert.Column("video_views", "numeric", BigDecimal.class),
                    new BatchUpsert.Column("currency", "varchar", String.class),
                    new BatchUpsert.Column("time_zone", "varchar", String.class),
                    new BatchUpsert.Column("observed_at", "timestamptz", Instant.class),
                    new BatchUpsert.Column("event_id", "varchar", String.class)),
            """
            on conflict (advertiser_id, level, entity_id, stat_date, stat_hour) do update set
                connection_id = excluded.connection_id, spend = excluded.spend, impressions = excluded.impressions,
                clicks = excluded.clicks, reach = excluded.reach, conversions = excluded.conversions,
                conversion_value = excluded.conversion_value, video_views = excluded.video_views,
                currency = excluded.currency, time_zone = excluded.time_zone, observed_at = excluded.observed_at,
                event_id = excluded.event_id, updated_at = now()
            where hourly_metric.observed_at < excluded.observed_at""");

    private final DatabaseClient db;

    HourlyMetricRepository(DatabaseClient db) {
        this.db = db;
    }

    /** {@code true} when the row was stored, {@code false} when a newer or equal observation already was. */
    Mono<Boolean> upsertIfNewer(HourlyMetric metric) {
        return upsertAllIfNewer(List.of(metric)).map(stored -> stored > 0);
    }

    /**
     * Upserts every metric (their keys must be distinct) under the same rule as {@link #upsertIfNewer}; emits how
     * many were stored.
     */
    Mono<Long> upsertAllIfNewer(List<HourlyMetric> metrics) {
        return UPSERT.run(db, metrics.stream().map(HourlyMetricRepository::values).toList());
    }

    private static Object[] values(HourlyMetric metric) {
        return new Object[] {metric.advertiserId(), metric.level().name(), metric.entityId(), metric.statDate(),
                (short) metric.statHour(),
                metric.connectionId(), metric.spend(), metric.impressions(), metric.clicks(),
                metric.reach(), metric.conversions(), metric.conversionValue(),
                metric.videoViews(), metric.currency(), metric.timeZone(), metric.observedAt(),
                metric.eventId()};
    }
}
