package io.adpulse.alerting.pacing.domain;

/** Identifies one budget holder (a campaign or an ad group) of one advertiser. */
public record BudgetKey(String advertiserId, BudgetLevel level, String entityId) {

    public static BudgetKey campaign(CampaignKey campaign) {
        return new BudgetKey(campaign.advertiserId(), BudgetLevel.CAMPAIGN, campaign.campaignId());
    }

    public static BudgetKey adgroup(String advertiserId, String adgroupId) {
        return new BudgetKey(advertiserId, BudgetLevel.ADGROUP, adgroupId);
    }
}
