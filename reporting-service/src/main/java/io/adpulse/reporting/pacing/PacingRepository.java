package io.adpulse.reporting.pacing;

import io.adpulse.pacing.IntradayCurve;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the budgets to pace and the spend against them. A budget is a campaign or ad group, not deleted, with a
 * daily or lifetime budget. A campaign's schedule is that of its ad groups (earliest start, latest end; no end when
 * any of them has none), since TikTok schedules ad groups, not campaigns.
 */
@Repository
class PacingRepository {

    private static final String BUDGETS = """
            select e.advertiser_id, e.level, e.entity_id, e.parent_id, e.name, e.status, e.budget_amount,
                   e.budget_currency, e.budget_mode,
                   case when e.level = 'CAMPAIGN' then g.schedule_start else e.schedule_start end as schedule_start,
                   case when e.level = 'CAMPAIGN' then g.schedule_end else e.schedule_end end as schedule_end,
                   a.name as advertiser_name, coalesce(a.time_zone, m.time_zone) as time_zone
            from entity_state e
            left join entity_state a
                   on a.advertiser_id = e.advertiser_id and a.level = 'ADVERTISER' and a.entity_id = e.advertiser_id
            left join lateral (
                   select d.time_zone from daily_metric d where d.advertiser_id = e.advertiser_id
                   order by d.observed_at desc limit 1) m on true
            left join lateral (
                   select min(x.schedule_start) as schedule_start,
                          case when count(*) = count(x.schedule_end) then max(x.schedule_end) end as schedule_end
                   from entity_state x
                   where x.advertiser_id = e.advertiser_id and x.level = 'ADGROUP' and x.parent_id = e.entity_id
                     and not x.deleted) g on e.level = 'CAMPAIGN'
            where e.level in ('CAMPAIGN', 'ADGROUP') and not e.deleted and e.budget_amount is not null
              and e.budget_mode in ('BUDGET_MODE_DAY', 'BUDGET_MODE_TOTAL') %s
            order by e.advertiser_id, case when e.level = 'CAMPAIGN' then e.entity_id else e.parent_id end,
                     e.level desc, e.entity_id
            """;

    private static final String SPEND = """
            select count(*) as days, count(spend) as reported, sum(spend) as spend,
                   min(currency) as currency, count(distinct currency) as currencies
            from daily_metric
            where advertiser_id = :advertiserId and level = :level and entity_id = :entityId
              and stat_date between :fromDate and :toDate
            """;

    /** Hourly spend of all of an advertiser's campaigns, as the alerting rule learns its curve from. */
    private static final String HOURLY_SPEND = """
            select stat_date, stat_hour, sum(spend) as spend
            from hourly_metric
            where advertiser_id = :advertiserId and level = 'CAMPAIGN' and stat_date between :fromDate and :toDate
              and spend is not null
            group by stat_date, stat_hour
            """;

    private final DatabaseClient db;

    PacingRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The budgets of the advertisers ({@code null}: all), of one campaign and its ad groups when given. */
    Flux<Budget> budgets(List<String> advertiserIds, String campaignId) {
        String filter = (advertiserIds == null ? "" : " and e.advertiser_id = any(:ids)")
                + (campaignId == null ? "" : " and ((e.level = 'CAMPAIGN' and e.entity_id = :campaign)"
                        + " or (e.level = 'ADGROUP' and e.parent_id = :campaign))");
        DatabaseClient.GenericExecuteSpec spec = db.sql(BUDGETS.formatted(filter));
        if (advertiserIds != null) {
            spec = spec.bind("ids", advertiserIds.toArray(String[]::new));
        }
        if (campaignId != null) {
            spec = spec.bind("campaign", campaignId);
        }
        return spec.map(row -> budget(row)).all();
    }

    /** The entity's spend over the local dates; {@code days} 0 when nothing was observed. */
    Mono<Spend> spend(Budget budget, LocalDate from, LocalDate to) {
        return db.sql(SPEND)
                .bind("advertiserId", budget.advertiserId())
                .bind("level", budget.level())
                .bind("entityId", budget.entityId())
                .bind("fromDate", from)
                .bind("toDate", to)
                .map(row -> {
                    long days = row.get("days", Long.class);
                    long reported = row.get("reported", Long.class);
                    String currency = row.get("currency", String.class);
                    return new Spend(days, days > 0 && reported == days ? row.get("spend", BigDecimal.class) : null,
                            currency == null ? null : currency.strip(), row.get("currencies", Long.class) > 1);
                })
                .one();
    }

    /** The advertiser's hourly campaign spend on the local dates from {@code from} to {@code to}. */
    Mono<List<IntradayCurve.HourSpend>> hourlySpend(String advertiserId, LocalDate from, LocalDate to) {
        return db.sql(HOURLY_SPEND)
                .bind("advertiserId", advertiserId)
                .bind("fromDate", from)
                .bind("toDate", to)
                .map(row -> new IntradayCurve.HourSpend(row.get("stat_date", LocalDate.class),
                        row.get("stat_hour", Short.class), row.get("spend", BigDecimal.class)))
                .all()
                .collectList();
    }

    private static Budget budget(Readable row) {
        String currency = row.get("budget_currency", String.class);
        return new Budget(row.get("advertiser_id", String.class), row.get("advertiser_name", String.class),
                row.get("time_zone", String.class), row.get("level", String.class), row.get("entity_id", String.class),
                row.get("parent_id", String.class), row.get("name", String.class), row.get("status", String.class),
                row.get("budget_amount", BigDecimal.class), currency == null ? null : currency.strip(),
                row.get("budget_mode", String.class), row.get("schedule_start", Instant.class),
                row.get("schedule_end", Instant.class));
    }

    /** A budget to pace, as the entity state has it. */
    record Budget(String advertiserId, String advertiserName, String timeZone, String level, String entityId,
            String parentId, String name, String status, BigDecimal amount, String currency, String mode,
            Instant scheduleStart, Instant scheduleEnd) {
    }

    /**
     * Spend of an entity over some days: how many days have a row, their sum ({@code null} when none was observed or
     * one lacks spend), their currency and whether they mix currencies.
     */
    record Spend(long days, BigDecimal amount, String currency, boolean mixed) {
    }
}
