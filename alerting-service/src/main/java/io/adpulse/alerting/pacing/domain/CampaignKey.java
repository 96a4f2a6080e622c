package io.adpulse.alerting.pacing.domain;

/** Identifies one campaign of one advertiser. */
public record CampaignKey(String advertiserId, String campaignId) {
}
