package io.adpulse.reporting.analytics;

import io.adpulse.events.EntityLevel;
import io.adpulse.reporting.kpi.MetricSums;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.Exports;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * Ranks the entities of one level of one or several advertisers (a brand, a client) by a metric or KPI over a range of days, summed in the
 * database. Only entities with a daily row in the range are ranked. A metric missing on any of an entity's
 * days makes its sum {@code NULL}; such entities, and those whose KPI is undefined, rank last. Ties are
 * broken by entity id so the order is stable.
 */
@Repository
class TopRepository {

    private static final String SUMS = SeriesRepository.COLUMNS.stream()
            .map(c -> "case when count(*) = count(m." + c + ") then sum(m." + c + ") end as " + c)
            .collect(Collectors.joining(", "));

    private static final String PARENT_FILTER = " and exists (select 1 from entity_state p"
            + " where p.advertiser_id = m.advertiser_id and p.level = m.level and p.entity_id = m.entity_id"
            + " and p.parent_id = :parentId)";

    private final DatabaseClient db;

    TopRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<Ranked> top(List<String> advertiserIds, EntityLevel level, String parentId, DateRange range,
            RankMetric metric, boolean ascending, int limit) {
        String sql = "with t as (select m.advertiser_id, m.entity_id, count(*) as days_reported, " + SUMS
                + " from daily_metric m where m.advertiser_id = any(:ids) and m.level = :level"
                + " and m.stat_date between :fromDate and :toDate" + (parentId == null ? "" : PARENT_FILTER)
                + " group by m.advertiser_id, m.entity_id)"
                + " select t.*, e.name, e.status, e.deleted, e.parent_id from t"
                + " left join entity_state e on e.advertiser_id = t.advertiser_id and e.level = :level"
                + " and e.entity_id = t.entity_id"
                + " order by " + metric.expression + (ascending ? " asc" : " desc") + " nulls last, t.entity_id,"
                + " t.advertiser_id limit :limit";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql)
                .bind("ids", advertiserIds.toArray(String[]::new))
                .bind("level", level.name())
                .bind("fromDate", range.from())
                .bind("toDate", range.to())
                .bind("limit", limit);
        if (parentId != null) {
            spec = spec.bind("parentId", parentId);
        }
        return spec.filter(statement -> statement.fetchSize(Exports.FETCH_ROWS))
                .map(row -> new Ranked(row.get("advertiser_id", String.class), row.get("entity_id", String.class),
                        row.get("name", String.class), row.get("status", String.class), row.get("deleted", Boolean.class),
                        row.get("parent_id", String.class), row.get("days_reported", Long.class),
                        SeriesRepository.sums(row)))
                .all();
    }

    /** One entity's sums over the range, with its latest state ({@code null}s while it is unknown). */
    record Ranked(String advertiserId, String entityId, String name, String status, Boolean deleted, String parentId,
            long daysReported, MetricSums sums) {
    }
}
