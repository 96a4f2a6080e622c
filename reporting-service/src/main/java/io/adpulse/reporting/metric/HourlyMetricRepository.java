package io.adpulse.reporting.metric;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Writes {@code hourly_metric}, with the same latest-observation-wins rule as {@link DailyMetricRepository}. */
@Repository
class HourlyMetricRepository {

    private static final BatchUpsert UPSERT = new BatchUpsert("""
            insert into hourly_metric (advertiser_id, level, entity_id, stat_date, stat_hour, connection_id, spend, impressions,
                clicks, reach, conversions, conversion_value, video_views, currency, time_zone, observed_at, event_id)
            values""", """
            on conflict (advertiser_id, level, entity_id, stat_date, stat_hour) do update set
                connection_id = excluded.connection_id, spend = excluded.spend, impressions = excluded.impressions,
                clicks = excluded.clicks, reach = excluded.reach, conversions = excluded.conversions,
                conversion_value = excluded.conversion_value, video_views = excluded.video_views,
                currency = excluded.currency, time_zone = excluded.time_zone, observed_at = excluded.observed_at,
                event_id = excluded.event_id, updated_at = now()
            where hourly_metric.observed_at < excluded.observed_at""", 17);

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
                metric.connectionId(), amount(metric.spend()), amount(metric.impressions()), amount(metric.clicks()),
                amount(metric.reach()), amount(metric.conversions()), amount(metric.conversionValue()),
                amount(metric.videoViews()), metric.currency(), metric.timeZone(), metric.observedAt(),
                metric.eventId()};
    }

    private static Parameter amount(BigDecimal value) {
        return Parameter.fromOrEmpty(value, BigDecimal.class);
    }
}
