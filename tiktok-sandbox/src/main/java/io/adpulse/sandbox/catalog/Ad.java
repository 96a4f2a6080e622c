package io.adpulse.sandbox.catalog;

import java.time.Instant;

/**
 * A seeded ad, the finest level metrics are generated at.
 *
 * @param id           ad id
 * @param adGroupId    parent ad group
 * @param campaignId   parent campaign
 * @param advertiserId owning advertiser
 * @param name         ad name
 * @param adText       the caption
 * @param createTime   creation time; delivery starts with the next full hour
 * @param modifyTime   last change
 * @param share        the ad's fraction of its campaign's daily spend (the shares of a campaign sum to one)
 */
public record Ad(String id, String adGroupId, String campaignId, String advertiserId, String name, String adText,
                 Instant createTime, Instant modifyTime, double share) {
}
