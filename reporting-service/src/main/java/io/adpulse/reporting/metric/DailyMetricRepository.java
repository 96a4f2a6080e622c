package io.adpulse.reporting.metric;

import java.math.BigDecimal;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Writes {@code daily_metric}. Reads live with the reports that need them. */
@Repository
class DailyMetricRepository {

    /**
     * Insert, or replace the whole row only when the stored one was observed strictly earlier: a
     * restatement replaces every metric (one that became missing turns NULL), a late older observation
     * and a redelivery (equal {@code observed_at}) change nothing. One statement, atomic per key.
     */
    private static final String UPSERT = """
            insert into daily_metric (advertiser_id, level, entity_id, stat_date, connection_id, spend, impressions,
                clicks, reach, conversions, conversion_value, video_views, currency, time_zone, observed_at, event_id)
            values (:advertiserId, :level, :entityId, :statDate, :connectionId, :spend, :impressions,
                :clicks, :reach, :conversions, :conversionValue, :videoViews, :currency, :timeZone, :observedAt, :eventId)
            on conflict (advertiser_id, level, entity_id, stat_date) do update set
                connection_id = excluded.connection_id, spend = excluded.spend, impressions = excluded.impressions,
                clicks = excluded.clicks, reach = excluded.reach, conversions = excluded.conversions,
                conversion_value = excluded.conversion_value, video_views = excluded.video_views,
                currency = excluded.currency, time_zone = excluded.time_zone, observed_at = excluded.observed_at,
                event_id = excluded.event_id, updated_at = now()
            where daily_metric.observed_at < excluded.observed_at
            """;

    private final DatabaseClient db;

    DailyMetricRepository(DatabaseClient db) {
        this.db = db;
    }

    /** {@code true} when the row was stored, {@code false} when a newer or equal observation already was. */
    Mono<Boolean> upsertIfNewer(DailyMetric metric) {
        return db.sql(UPSERT)
                .bind("advertiserId", metric.advertiserId())
                .bind("level", metric.level().name())
                .bind("entityId", metric.entityId())
                .bind("statDate", metric.statDate())
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
