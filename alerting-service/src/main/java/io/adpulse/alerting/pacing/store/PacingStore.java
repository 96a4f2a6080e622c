package io.adpulse.alerting.pacing.store;

import io.adpulse.alerting.pacing.domain.CampaignKey;
import io.adpulse.alerting.pacing.domain.DailySpend;
import io.adpulse.alerting.pacing.domain.PacedCampaign;
import io.adpulse.events.EntityObserved;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
                            purchase_value)
                        values (:advertiserId, :campaignId, :localDate, :spend, :currency, :observedAt, :purchaseValue)
                        on conflict (advertiser_id, campaign_id, local_date) do update set spend = excluded.spend,
                            currency = excluded.currency, observed_at = excluded.observed_at,
                            purchase_value = excluded.purchase_value
                        where campaign_spend.observed_at < excluded.observed_at""")
                .bind("advertiserId", spend.advertiserId())
                .bind("campaignId", spend.campaignId())
                .bind("localDate", spend.localDate())
                .bind("spend", spend.amount())
                .bind("currency", spend.currency())
                .bind("observedAt", spend.observedAt())
                .bind("purchaseValue", Nullable.of(spend.purchaseValue(), BigDecimal.class))
                .then();
    }

    /** Forgets an advertiser and everything under it (its entity was tombstoned: disconnected or deleted). */
    public Mono<Void> forgetAdvertiser(String advertiserId) {
        return db.sql("delete from campaign_spend where advertiser_id = :id").bind("id", advertiserId).then()
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
        return db.sql("select spend, currency, observed_at, purchase_value from campaign_spend "
                        + "where advertiser_id = :advertiserId "
                        + "and campaign_id = :campaignId and local_date = :localDate")
                .bind("advertiserId", key.advertiserId())
                .bind("campaignId", key.campaignId())
                .bind("localDate", localDate)
                .map(row -> new DailySpend(key.advertiserId(), key.campaignId(), localDate,
                        row.get("spend", BigDecimal.class), trim(row.get("currency", String.class)),
                        row.get("observed_at", Instant.class), row.get("purchase_value", BigDecimal.class)))
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
