package io.adpulse.sandbox.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A seeded ad group; it carries its own daily budget, as TikTok ad groups do when campaign budget optimisation
 * is off.
 *
 * @param id           ad group id
 * @param campaignId   parent campaign
 * @param advertiserId owning advertiser
 * @param name         ad group name
 * @param budgetMode   budget mode
 * @param budget       the cap in account currency
 * @param createTime   creation time
 * @param modifyTime   last change
 * @param ads          its ads
 */
public record AdGroup(String id, String campaignId, String advertiserId, String name, BudgetMode budgetMode,
                      BigDecimal budget, Instant createTime, Instant modifyTime, List<Ad> ads) {
}
