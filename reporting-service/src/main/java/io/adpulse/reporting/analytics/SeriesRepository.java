package io.adpulse.reporting.analytics;

import io.adpulse.events.EntityLevel;
import io.adpulse.reporting.kpi.MetricSums;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.Exports;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads time series from {@code daily_metric} (day, week, month) and {@code hourly_metric} (hour), summed in
 * the database so that a request reads one row per bucket whatever the number of entities.
 *
 * <p>Every bucket of the range is returned, observed or not. Sums propagate missing values: the sum of a
 * metric over rows one of which lacks it is {@code NULL}, and so is the sum over no rows at all (nothing
 * observed is not zero). At the advertiser level the advertiser's own rows are used; an hour or day without
 * one falls back to the sum of the campaign rows, as the spend report does.
 */
@Repository
class SeriesRepository {

    /** Additive metric columns, in {@link MetricSums} order. */
    static final List<String> COLUMNS = List.of("spend", "impressions", "clicks", "conversions", "conversion_value",
            "video_views");

    private static final String SLOT_SUMS = COLUMNS.stream()
            .map(c -> "case when count(*) = count(" + c + ") then sum(" + c + ") end as " + c)
            .collect(Collectors.joining(", "));

    private static final String PERIOD_SUMS = COLUMNS.stream()
            .map(c -> "case when count(s.slot) > 0 and count(s.slot) = count(s." + c + ") then sum(s." + c + ") end as " + c)
            .collect(Collectors.joining(", "));

    private static final String ENTITY = """
            select e.name, e.deleted,
                   (e.entity_id is not null
                    or exists (select 1 from daily_metric d
                               where d.advertiser_id = :advertiserId and d.level = :level and d.entity_id = :entityId)
                    or exists (select 1 from hourly_metric h
                               where h.advertiser_id = :advertiserId and h.level = :level and h.entity_id = :entityId))
                   as known
            from (values (1)) as one(x)
            left join entity_state e
                   on e.advertiser_id = :advertiserId and e.level = :level and e.entity_id = :entityId
            """;

    private static final String CURRENCIES = """
            select distinct currency from %s
            where advertiser_id = any(:ids) and stat_date between :fromDate and :toDate
            order by currency
            """;

    private final DatabaseClient db;

    SeriesRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Whether the entity is known (observed as an entity or in a metric) and its latest name and deletion flag. */
    Mono<EntityInfo> entity(String advertiserId, EntityLevel level, String entityId) {
        return db.sql(ENTITY)
                .bind("advertiserId", advertiserId)
                .bind("level", level.name())
                .bind("entityId", entityId)
                .map(row -> new EntityInfo(Boolean.TRUE.equals(row.get("known", Boolean.class)),
                        row.get("name", String.class), row.get("deleted", Boolean.class)))
                .one();
    }

    /** The currencies of the advertisers' daily (or hourly) rows in the range. */
    Flux<String> currencies(List<String> advertiserIds, DateRange range, boolean hourly) {
        return db.sql(CURRENCIES.formatted(hourly ? "hourly_metric" : "daily_metric"))
                .bind("ids", advertiserIds.toArray(String[]::new))
                .bind("fromDate", range.from())
                .bind("toDate", range.to())
                .map(row -> row.get("currency", String.class))
                .all();
    }

    /**
     * Every bucket of the range for the scope, in order. Over several advertisers (a brand or client) a slot sums
     * their rows of the same local date (hour): each advertiser contributes its own advertiser-level row, or the
     * sum of its campaign rows when it has none.
     */
    Flux<Period> periods(Scope scope, Grain grain, DateRange range) {
        boolean hourly = grain.hourly();
        String table = hourly ? "hourly_metric" : "daily_metric";
        String slots;
        if (scope.level() == EntityLevel.ADVERTISER) {
            slots = "adv as (" + slotSql(table, hourly, "level = 'ADVERTISER' and entity_id = advertiser_id", true)
                    + "), camp as (" + slotSql(table, hourly, "level = 'CAMPAIGN'", true) + "), "
                    + "per as (select * from adv union all select * from camp c where not exists "
                    + "(select 1 from adv a where a.advertiser_id = c.advertiser_id and a.slot = c.slot)), "
                    + "slots as (select slot, " + SLOT_SUMS + " from per group by slot)";
        } else {
            slots = "slots as (" + slotSql(table, hourly, scope.entityId() == null ? "level = :level"
                    : "level = :level and entity_id = :entityId", false) + ")";
        }
        String sql = "with " + slots + ", grid as (select g as slot from generate_series(cast(:fromSlot as timestamp), "
                + "cast(:lastSlot as timestamp), interval '1 " + (hourly ? "hour" : "day") + "') as g) "
                + "select date_trunc('" + grain.unit + "', g.slot) as period_start, count(*) as slots_in_range, "
                + "count(s.slot) as slots_reported, " + PERIOD_SUMS
                + " from grid g left join slots s on s.slot = g.slot group by 1 order by 1";
        LocalDateTime first = range.from().atStartOfDay();
        LocalDateTime last = hourly ? range.to().atTime(23, 0) : range.to().atStartOfDay();
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql)
                .bind("ids", scope.advertiserIds().toArray(String[]::new))
                .bind("fromDate", range.from())
                .bind("toDate", range.to())
                .bind("fromSlot", first)
                .bind("lastSlot", last);
        if (scope.level() != EntityLevel.ADVERTISER) {
            spec = spec.bind("level", scope.level().name());
            if (scope.entityId() != null) {
                spec = spec.bind("entityId", scope.entityId());
            }
        }
        return spec.filter(statement -> statement.fetchSize(Exports.FETCH_ROWS))
                .map(row -> new Period(row.get("period_start", LocalDateTime.class),
                        row.get("slots_in_range", Long.class), row.get("slots_reported", Long.class), sums(row)))
                .all();
    }

    /** Sums per slot (and per advertiser when {@code perAdvertiser}) of the scope's advertisers' rows. */
    private static String slotSql(String table, boolean hourly, String where, boolean perAdvertiser) {
        String slot = hourly ? "stat_date + make_interval(hours => stat_hour)" : "cast(stat_date as timestamp)";
        String group = (perAdvertiser ? "advertiser_id, " : "") + (hourly ? "stat_date, stat_hour" : "stat_date");
        return "select " + (perAdvertiser ? "advertiser_id, " : "") + slot + " as slot, " + SLOT_SUMS + " from "
                + table + " where advertiser_id = any(:ids) and stat_date between :fromDate and :toDate and " + where
                + " group by " + group;
    }

    /** The metric columns of a row, in {@link #COLUMNS} order. */
    static MetricSums sums(Readable row) {
        return new MetricSums(row.get("spend", BigDecimal.class), row.get("impressions", BigDecimal.class),
                row.get("clicks", BigDecimal.class), row.get("conversions", BigDecimal.class),
                row.get("conversion_value", BigDecimal.class), row.get("video_views", BigDecimal.class));
    }

    /** An entity as far as reports need it. */
    record EntityInfo(boolean known, String name, Boolean deleted) {
    }
}
