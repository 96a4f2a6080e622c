package io.adpulse.reporting.spend;

import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.Exports;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * Reads daily spend. The advertiser-level row is preferred because it also counts campaigns this service
 * has not observed; the sum of campaign rows stands in for days without one. A campaign sum that includes
 * a missing spend is itself missing ({@code NULL}), never a partial sum.
 */
@Repository
class SpendRepository {

    private static final String ADVERTISER_FILTER = " and advertiser_id in (:advertiserIds)";

    private static final String DAYS = """
            with adv as (
                select advertiser_id, stat_date, currency, spend
                from daily_metric
                where level = 'ADVERTISER' and stat_date between :from and :to %1$s
            ), camp as (
                select advertiser_id, stat_date, currency,
                       case when count(*) = count(spend) then sum(spend) end as spend
                from daily_metric
                where level = 'CAMPAIGN' and stat_date between :from and :to %1$s
                group by advertiser_id, stat_date, currency
            ), days as (
                select advertiser_id, stat_date, currency, spend, 'ADVERTISER' as source from adv
                union all
                select c.advertiser_id, c.stat_date, c.currency, c.spend, 'CAMPAIGNS' as source from camp c
                where not exists (
                    select 1 from adv a where a.advertiser_id = c.advertiser_id and a.stat_date = c.stat_date)
            )
            select d.advertiser_id, e.name as advertiser_name, d.stat_date, d.currency, d.spend, d.source
            from days d
            left join entity_state e
                   on e.advertiser_id = d.advertiser_id and e.level = 'ADVERTISER' and e.entity_id = d.advertiser_id
            order by d.advertiser_id, d.stat_date, d.currency
            """;

    private final DatabaseClient db;

    SpendRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Spend per advertiser, day and currency in the range, by advertiser, date and currency; of the named
     * advertisers only when {@code advertiserIds} is not empty.
     */
    Flux<SpendDay> days(DateRange range, List<String> advertiserIds) {
        DatabaseClient.GenericExecuteSpec spec = db
                .sql(DAYS.formatted(advertiserIds.isEmpty() ? "" : ADVERTISER_FILTER))
                .bind("from", range.from())
                .bind("to", range.to());
        if (!advertiserIds.isEmpty()) {
            spec = spec.bind("advertiserIds", advertiserIds);
        }
        return spec.filter(statement -> statement.fetchSize(Exports.FETCH_ROWS))
                .map(row -> new SpendDay(row.get("advertiser_id", String.class),
                        row.get("advertiser_name", String.class), row.get("stat_date", LocalDate.class),
                        row.get("currency", String.class), row.get("spend", BigDecimal.class),
                        SpendDay.Source.valueOf(row.get("source", String.class))))
                .all();
    }
}
