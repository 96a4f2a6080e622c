package io.adpulse.alerting.pacing.store;

import io.adpulse.alerting.pacing.domain.BudgetKey;
import io.adpulse.alerting.pacing.domain.BudgetLevel;
import io.adpulse.alerting.pacing.domain.CampaignKey;
import io.adpulse.alerting.pacing.domain.DailySpend;
import io.adpulse.alerting.pacing.domain.HourlyDelivery;
import io.adpulse.pacing.IntradayCurve;
import io.adpulse.alerting.pacing.domain.LifetimeBudget;
import io.adpulse.alerting.pacing.domain.LifetimeSpend;
import io.adpulse.alerting.pacing.domain.PacedCampaign;
import io.adpulse.events.EntityObserved;
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
 * What pacing keeps from the entity and metric topics. Every write is an upsert on the natural key that
 * only replaces a row with a later observation ({@code observed_at}), so a redelivered or reordered
 * record never moves state backwards, and a restatement (a later observation of the same day) replaces
 * the spend it restates.
 */
@Repository
public class PacingStore {

    private static final String CAMPAIGN_COLUMNS = "c.advertiser_id, c.campaign_id, c.name, c.status, c.deleted, "
            + "c.budget, c.budget_currency, c.budget_mode, a.time_zone, a.currency";

    private static final String HOURLY_COLUMNS = "local_date, hour, spend, impressions, currency, observed_at, "
            + "connection_id";

    private final DatabaseClient db;

    PacingStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> saveAdvertiser(EntityObserved advertiser) {
        return db.sql("""
                        insert into advertiser (advertiser_id, name, time_zone, currency, observed_at)
                        values (:advertiserId, :name, :timeZone, :currency, :observedAt)
                        on conflict (advertiser_id) do update set name = excluded.name,
                            time_zone = excluded.time_zone, currency = excluded.currency,
                            observed_at = excluded.observed_at
                        where advertiser.observed_at < excluded.observed_at""")
                .bind("advertiserId", advertiser.advertiserId())
                .bind("name", Nullable.of(advertiser.name(), String.class))
                .bind("timeZone", Nullable.of(advertiser.timeZone(), String.class))
                .bind("currency", Nullable.of(advertiser.currency(), String.class))
                .bind("observedAt", advertiser.observedAt())
                .then();
    }

    public Mono<Void> saveCampaign(EntityObserved campaign) {
        BigDecimal budget = campaign.budget() == null ? null : campaign.budget().amount();
        String budgetCurrency = campaign.budget() == null ? null : campaign.budget().currency();
        return db.sql("""
                        insert into campaign (advertiser_id, campaign_id, name, status, deleted, budget,
                            budget_currency, budget_mode, observed_at)
                        values (:advertiserId, :campaignId, :name, :status, :deleted, :budget, :budgetCurrency,
                            :budgetMode, :observedAt)
                        on conflict (advertiser_id, campaign_id) do update set name = excluded.name,
                            status = excluded.status, deleted = excluded.deleted, budget = excluded.budget,
                            budget_currency = excluded.budget_currency, budget_mode = excluded.budget_mode,
                            observed_at = excluded.observed_at
                        where campaign.observed_at < excluded.observed_at""")
                .bind("advertiserId", campaign.advertiserId())
                .bind("campaignId", campaign.entityId())
                .bind("name", Nullable.of(campaign.name(), String.class))
                .bind("status", Nullable.of(campaign.status(), String.class))
                .bind("deleted", campaign.deleted())
                .bind("budget", Nullable.of(budget, BigDecimal.class))
                .bind("budgetCurrency", Nullable.of(budgetCurrency, String.class))
                .bind("budgetMode", Nullable.of(campaign.budgetMode(), String.class))
                .bind("observedAt", campaign.observedAt())
                .then();
    }

    public Mono<Void> saveSpend(DailySpend spend) {
        return db.sql("""
                        insert into campaign_spend (advertiser_id, campaign_id, local_date, spend, currency, observed_at,
                            purchase_value, conversions)
                        values (:advertiserId, :campaignId, :localDate, :spend, :currency, :observedAt, :purchaseValue,
                            :conversions)
                        on conflict (advertiser_id, campaign_id, local_date) do update set spend = excluded.spend,
                            currency = excluded.currency, observed_at = excluded.observed_at,
                            purchase_value = excluded.purchase_value, conversions = excluded.conversions
                        where campaign_spend.observed_at < excluded.observed_at""")
                .bind("advertiserId", spend.advertiserId())
                .bind("campaignId", spend.campaignId())
                .bind("localDate", spend.localDate())
                .bind("spend", spend.amount())
                .bind("currency", spend.currency())
                .bind("observedAt", spend.observedAt())
                .bind("purchaseValue", Nullable.of(spend.purchaseValue(), BigDecimal.class))
                .bind("conversions", Nullable.of(spend.conversions(), BigDecimal.class))
                .then();
    }

    /**
     * Saves an ad group with its flight. {@code scheduleStart} and {@code scheduleEnd} are TikTok's
     * {@code schedule_start_time} and {@code schedule_end_time} (UTC), null when it has none.
     */
    public Mono<Void> saveAdgroup(EntityObserved adgroup, Instant scheduleStart, Instant scheduleEnd) {
        BigDecimal budget = adgroup.budget() == null ? null : adgroup.budget().amount();
        String budgetCurrency = adgroup.budget() == null ? null : adgroup.budget().currency();
        return db.sql("""
                        insert into adgroup (advertiser_id, adgroup_id, campaign_id, name, status, deleted, budget,
                            budget_currency, budget_mode, schedule_start, schedule_end, observed_at)
                        values (:advertiserId, :adgroupId, :campaignId, :name, :status, :deleted, :budget,
                            :budgetCurrency, :budgetMode, :scheduleStart, :scheduleEnd, :observedAt)
                        on conflict (advertiser_id, adgroup_id) do update set campaign_id = excluded.campaign_id,
                            name = excluded.name, status = excluded.status, deleted = excluded.deleted,
                            budget = excluded.budget, budget_currency = excluded.budget_currency,
                            budget_mode = excluded.budget_mode, schedule_start = excluded.schedule_start,
                            schedule_end = excluded.schedule_end, observed_at = excluded.observed_at
                        where adgroup.observed_at < excluded.observed_at""")
                .bind("advertiserId", adgroup.advertiserId())
                .bind("adgroupId", adgroup.entityId())
                .bind("campaignId", Nullable.of(adgroup.parentId(), String.class))
                .bind("name", Nullable.of(adgroup.name(), String.class))
                .bind("status", Nullable.of(adgroup.status(), String.class))
                .bind("deleted", adgroup.deleted())
                .bind("budget", Nullable.of(budget, BigDecimal.class))
                .bind("budgetCurrency", Nullable.of(budgetCurrency, String.class))
                .bind("budgetMode", Nullable.of(adgroup.budgetMode(), String.class))
                .bind("scheduleStart", Nullable.of(scheduleStart, Instant.class))
                .bind("scheduleEnd", Nullable.of(scheduleEnd, Instant.class))
                .bind("observedAt", adgroup.observedAt())
                .then();
    }

    /** Saves an ad group's spend on one local date (a later observation replaces it). */
    public Mono<Void> saveAdgroupSpend(String advertiserId, String adgroupId, LocalDate localDate, BigDecimal spend,
            String currency, Instant observedAt) {
        return db.sql("""
                        insert into adgroup_spend (advertiser_id, adgroup_id, local_date, spend, currency, observed_at)
                        values (:advertiserId, :adgroupId, :localDate, :spend, :currency, :observedAt)
                        on conflict (advertiser_id, adgroup_id, local_date) do update set spend = excluded.spend,
                            currency = excluded.currency, observed_at = excluded.observed_at
                        where adgroup_spend.observed_at < excluded.observed_at""")
                .bind("advertiserId", advertiserId)
                .bind("adgroupId", adgroupId)
                .bind("localDate", localDate)
                .bind("spend", spend)
                .bind("currency", currency)
                .bind("observedAt", observedAt)
                .then();
    }

    /** The ad group's campaign, if the ad group is known. */
    public Mono<String> campaignOfAdgroup(String advertiserId, String adgroupId) {
        return db.sql("select campaign_id from adgroup where advertiser_id = :advertiserId and adgroup_id = :adgroupId "
                        + "and campaign_id is not null")
                .bind("advertiserId", advertiserId)
                .bind("adgroupId", adgroupId)
                .map(row -> row.get("campaign_id", String.class))
                .one();
    }

    /**
     * A campaign or ad group as lifetime pacing sees it. A campaign's flight runs from the earliest start to the
     * latest end of its ad groups that are not deleted; it has no end when one of them has none.
     */
    public Mono<LifetimeBudget> findLifetimeBudget(BudgetKey key) {
        String sql = key.level() == BudgetLevel.CAMPAIGN ? """
                select c.campaign_id, c.name, c.deleted, c.budget, c.budget_currency, c.budget_mode,
                       a.time_zone, a.currency, f.flight_start, f.flight_end
                from campaign c
                left join advertiser a on a.advertiser_id = c.advertiser_id
                left join lateral (
                    select min(g.schedule_start) as flight_start,
                           case when bool_and(g.schedule_end is not null) then max(g.schedule_end) end as flight_end
                    from adgroup g
                    where g.advertiser_id = c.advertiser_id and g.campaign_id = c.campaign_id and not g.deleted) f
                    on true
                where c.advertiser_id = :advertiserId and c.campaign_id = :entityId""" : """
                select g.campaign_id, g.name, g.deleted, g.budget, g.budget_currency, g.budget_mode,
                       a.time_zone, a.currency, g.schedule_start as flight_start, g.schedule_end as flight_end
                from adgroup g
                left join advertiser a on a.advertiser_id = g.advertiser_id
                where g.advertiser_id = :advertiserId and g.adgroup_id = :entityId""";
        return db.sql(sql)
                .bind("advertiserId", key.advertiserId())
                .bind("entityId", key.entityId())
                .map(row -> new LifetimeBudget(key, row.get("campaign_id", String.class), row.get("name", String.class),
                        Boolean.TRUE.equals(row.get("deleted", Boolean.class)), row.get("budget", BigDecimal.class),
                        trim(row.get("budget_currency", String.class)), row.get("budget_mode", String.class),
                        row.get("flight_start", Instant.class), row.get("flight_end", Instant.class),
                        row.get("time_zone", String.class), trim(row.get("currency", String.class))))
                .one();
    }

    /**
     * Spend of a campaign or ad group summed over the local dates {@code first} to {@code last} (inclusive); empty
     * when none of them has a report.
     */
    public Mono<LifetimeSpend> lifetimeSpend(BudgetKey key, LocalDate first, LocalDate last) {
        String table = key.level() == BudgetLevel.CAMPAIGN ? "campaign_spend" : "adgroup_spend";
        String id = key.level() == BudgetLevel.CAMPAIGN ? "campaign_id" : "adgroup_id";
        return db.sql("select sum(spend) as amount, case when count(distinct currency) = 1 then min(currency) end "
                        + "as currency, max(local_date) as latest_date, "
                        + "(array_agg(observed_at order by local_date desc))[1] as latest_observed_at from " + table
                        + " where advertiser_id = :advertiserId and " + id + " = :entityId "
                        + "and local_date between :first and :last having count(*) > 0")
                .bind("advertiserId", key.advertiserId())
                .bind("entityId", key.entityId())
                .bind("first", first)
                .bind("last", last)
                .map(PacingStore::lifetimeSpend)
                .one();
    }

    private static LifetimeSpend lifetimeSpend(Readable row) {
        return new LifetimeSpend(row.get("amount", BigDecimal.class), trim(row.get("currency", String.class)),
                row.get("latest_date", LocalDate.class), row.get("latest_observed_at", Instant.class));
    }

    /** Campaigns and ad groups with a lifetime budget that are not deleted: what lifetime pacing sweeps. */
    public Flux<BudgetKey> lifetimeBudgets(String advertiserId) {
        String only = advertiserId == null ? "" : " and advertiser_id = :advertiserId";
        var spec = db.sql("select advertiser_id, 'CAMPAIGN' as level, campaign_id as entity_id from campaign "
                + "where budget_mode = 'BUDGET_MODE_TOTAL' and budget is not null and not deleted" + only
                + " union all select advertiser_id, 'ADGROUP', adgroup_id from adgroup "
                + "where budget_mode = 'BUDGET_MODE_TOTAL' and budget is not null and not deleted" + only
                + " order by 1, 2, 3");
        if (advertiserId != null) {
            spec = spec.bind("advertiserId", advertiserId);
        }
        return spec.map(row -> new BudgetKey(row.get("advertiser_id", String.class),
                        BudgetLevel.valueOf(row.get("level", String.class)), row.get("entity_id", String.class)))
                .all();
    }

    /** Saves a campaign's report of one local hour (a later observation replaces it). */
    public Mono<Void> saveHourly(String advertiserId, String campaignId, HourlyDelivery hour) {
        return db.sql("""
                        insert into campaign_hourly (advertiser_id, campaign_id, local_date, hour, spend, impressions,
                            currency, connection_id, observed_at)
                        values (:advertiserId, :campaignId, :localDate, :hour, :spend, :impressions, :currency,
                            :connectionId, :observedAt)
                        on conflict (advertiser_id, campaign_id, local_date, hour) do update set spend = excluded.spend,
                            impressions = excluded.impressions, currency = excluded.currency,
                            connection_id = excluded.connection_id, observed_at = excluded.observed_at
                        where campaign_hourly.observed_at < excluded.observed_at""")
                .bind("advertiserId", advertiserId)
                .bind("campaignId", campaignId)
                .bind("localDate", hour.localDate())
                .bind("hour", (short) hour.hour())
                .bind("spend", Nullable.of(hour.spend(), BigDecimal.class))
                .bind("impressions", Nullable.of(hour.impressions(), BigDecimal.class))
                .bind("currency", hour.currency())
                .bind("connectionId", Nullable.of(hour.connectionId(), String.class))
                .bind("observedAt", hour.observedAt())
                .then();
    }

    /** The campaign's latest {@code limit} hourly reports, newest hour first. */
    public Mono<List<HourlyDelivery>> latestHours(CampaignKey key, int limit) {
        return db.sql("select " + HOURLY_COLUMNS + " from campaign_hourly where advertiser_id = :advertiserId "
                        + "and campaign_id = :campaignId order by local_date desc, hour desc limit :limit")
                .bind("advertiserId", key.advertiserId())
                .bind("campaignId", key.campaignId())
                .bind("limit", limit)
                .map(PacingStore::hourly)
                .all()
                .collectList();
    }

    /** The campaign's latest hour with spend or impressions above zero. */
    public Mono<HourlyDelivery> lastDelivered(CampaignKey key) {
        return db.sql("select " + HOURLY_COLUMNS + " from campaign_hourly where advertiser_id = :advertiserId "
                        + "and campaign_id = :campaignId and (spend > 0 or impressions > 0) "
                        + "order by local_date desc, hour desc limit 1")
                .bind("advertiserId", key.advertiserId())
                .bind("campaignId", key.campaignId())
                .map(PacingStore::hourly)
                .one();
    }

    /**
     * The advertiser's spend per local hour on the dates {@code first} to {@code last}, summed over its campaigns:
     * what its intraday curve is learned from. Hours without a report are absent.
     */
    public Mono<List<IntradayCurve.HourSpend>> hourlySpend(String advertiserId, LocalDate first, LocalDate last) {
        return db.sql("select local_date, hour, sum(spend) as spend from campaign_hourly "
                        + "where advertiser_id = :advertiserId and local_date between :first and :last "
                        + "and spend is not null group by local_date, hour order by local_date, hour")
                .bind("advertiserId", advertiserId)
                .bind("first", first)
                .bind("last", last)
                .map(row -> new IntradayCurve.HourSpend(row.get("local_date", LocalDate.class),
                        row.get("hour", Number.class).intValue(), row.get("spend", BigDecimal.class)))
                .all()
                .collectList();
    }

    /** Spend reported for local hour {@code hour} on the dates {@code first} to {@code last}, one value per date. */
    public Mono<List<BigDecimal>> sameHourSpend(CampaignKey key, int hour, LocalDate first, LocalDate last) {
        return db.sql("select spend from campaign_hourly where advertiser_id = :advertiserId "
                        + "and campaign_id = :campaignId and hour = :hour and local_date between :first and :last "
                        + "and spend is not null order by local_date")
                .bind("advertiserId", key.advertiserId())
                .bind("campaignId", key.campaignId())
                .bind("hour", (short) hour)
                .bind("first", first)
                .bind("last", last)
                .map(row -> row.get("spend", BigDecimal.class))
                .all()
                .collectList();
    }

    /** Campaigns with an hour of delivery on {@code since} or later: what the hourly rules sweep. */
    public Flux<CampaignKey> campaignsDeliveredSince(LocalDate since) {
        return db.sql("select distinct advertiser_id, campaign_id from campaign_hourly where local_date >= :since "
                        + "and (spend > 0 or impressions > 0) order by advertiser_id, campaign_id")
                .bind("since", since)
                .map(row -> new CampaignKey(row.get("advertiser_id", String.class), row.get("campaign_id", String.class)))
                .all();
    }

    private static HourlyDelivery hourly(Readable row) {
        return new HourlyDelivery(row.get("local_date", LocalDate.class), row.get("hour", Short.class),
                row.get("spend", BigDecimal.class), row.get("impressions", BigDecimal.class),
                trim(row.get("currency", String.class)), row.get("observed_at", Instant.class),
                row.get("connection_id", String.class));
    }

    /** Forgets an advertiser and everything under it (its entity was tombstoned: disconnected or deleted). */
    public Mono<Void> forgetAdvertiser(String advertiserId) {
        return db.sql("delete from campaign_hourly where advertiser_id = :id").bind("id", advertiserId).then()
                .then(db.sql("delete from adgroup_spend where advertiser_id = :id").bind("id", advertiserId).then())
                .then(db.sql("delete from adgroup where advertiser_id = :id").bind("id", advertiserId).then())
                .then(db.sql("delete from campaign_spend where advertiser_id = :id").bind("id", advertiserId).then())
                .then(db.sql("delete from campaign where advertiser_id = :id").bind("id", advertiserId).then())
                .then(db.sql("delete from advertiser where advertiser_id = :id").bind("id", advertiserId).then());
    }

    /** The campaign with its advertiser's time zone and currency (null until the advertiser is observed). */
    public Mono<PacedCampaign> findCampaign(CampaignKey key) {
        return db.sql("select " + CAMPAIGN_COLUMNS + " from campaign c left join advertiser a "
                        + "on a.advertiser_id = c.advertiser_id "
                        + "where c.advertiser_id = :advertiserId and c.campaign_id = :campaignId")
                .bind("advertiserId", key.advertiserId())
                .bind("campaignId", key.campaignId())
                .map(row -> new PacedCampaign(row.get("advertiser_id", String.class), row.get("campaign_id", String.class),
                        row.get("name", String.class), row.get("status", String.class),
                        Boolean.TRUE.equals(row.get("deleted", Boolean.class)), row.get("budget", BigDecimal.class),
                        trim(row.get("budget_currency", String.class)), row.get("budget_mode", String.class),
                        row.get("time_zone", String.class), trim(row.get("currency", String.class))))
                .one();
    }

    public Mono<DailySpend> findSpend(CampaignKey key, LocalDate localDate) {
        return db.sql("select spend, currency, observed_at, purchase_value, conversions from campaign_spend "
                        + "where advertiser_id = :advertiserId "
                        + "and campaign_id = :campaignId and local_date = :localDate")
                .bind("advertiserId", key.advertiserId())
                .bind("campaignId", key.campaignId())
                .bind("localDate", localDate)
                .map(row -> new DailySpend(key.advertiserId(), key.campaignId(), localDate,
                        row.get("spend", BigDecimal.class), trim(row.get("currency", String.class)),
                        row.get("observed_at", Instant.class), row.get("purchase_value", BigDecimal.class),
                        row.get("conversions", BigDecimal.class)))
                .one();
    }

    /** Campaigns the rule applies to: a daily budget, not deleted. */
    public Flux<CampaignKey> pacedCampaigns() {
        return db.sql("select advertiser_id, campaign_id from campaign where budget_mode = 'BUDGET_MODE_DAY' "
                        + "and budget is not null and not deleted order by advertiser_id, campaign_id")
                .map(row -> new CampaignKey(row.get("advertiser_id", String.class), row.get("campaign_id", String.class)))
                .all();
    }

    public Flux<CampaignKey> campaignsOf(String advertiserId) {
        return db.sql("select campaign_id from campaign where advertiser_id = :advertiserId order by campaign_id")
                .bind("advertiserId", advertiserId)
                .map(row -> new CampaignKey(advertiserId, row.get("campaign_id", String.class)))
                .all();
    }

    private static String trim(String fixedWidth) {
        return fixedWidth == null ? null : fixedWidth.trim();
    }
}
