package io.adpulse.reporting.metric;

import java.math.BigDecimal;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Writes {@code hourly_metric}, with the same latest-observation-wins rule as {@link DailyMetricRepository}. */
@Repository
class HourlyMetricRepository {

    private static final String UPSERT = """
            insert into hourly_metric (advertiser_id, level, entity_id, stat_date, stat_hour, connection_id, spend,
                impressions, clicks, reach, conversions, conversion_value, video_views, currency, time_zone,
                observed_at, event_id)
            values (:advertiserId, :level, :entityId, :statDate, :statHour, :connectionId, :spend,
                :impressions, :clicks, :reach, :conversions, :conversionValue, :videoViews, :currency, :timeZone,
                :observedAt, :eventId)
            on conflict (advertiser_id, level, entity_id, stat_date, stat_hour) do update set
                connection_id = excluded.connection_id, spend = excluded.spend, impressions = excluded.impressions,
                clicks = excluded.clicks, reach = excluded.reach, conversions = excluded.conversions,
                conversion_value = excluded.conversion_value, video_views = excluded.video_views,
                currency = excluded.currency, time_zone = excluded.time_zone, observed_at = excluded.observed_at,
                event_id = excluded.event_id, updated_at = now()
            where hourly_metric.observed_at < excluded.observed_at
            """;

    private final DatabaseClient db;

    HourlyMetricRepository(DatabaseClient db) {
        this.db = db;
    }

    /** {@code true} when the row was stored, {@code false} when a newer or equal observation already was. */
    Mono<Boolean> upsertIfNewer(HourlyMetric metric) {
        return db.sql(UPSERT)
                .bind("advertiserId", metric.advertiserId())
                .bind("level", metric.level().name())
                .bind("entityId", metric.entityId())
                .bind("statDate", metric.statDate())
                .bind("statHour", (short) metric.statHour())
                .bind("connectionId", metric.connectionId())
                .bind("spend", amount(metric.spend()))
                .bind("impressions", amount(metric.impressions()))
                .bind("clicks", amount(metric.clicks()))
                .bind("reach", amount(metric.reach()))
                .bind("conversions", amount(metric.conversions()))
                .bind("conversionValue", amount(metric.conversionValue()))
                .bind("videoViews", amount(metric.videoViews()))
                .bind("currency", metric.currency())
                .bind("timeZone", metric.timeZone())
                .bind("observedAt", metric.observedAt())
                .bind("eventId", metric.eventId())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    private static Parameter amount(BigDecimal value) {
        return Parameter.fromOrEmpty(value, BigDecimal.class);
    }
}
