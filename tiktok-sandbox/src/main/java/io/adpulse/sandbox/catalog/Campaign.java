package io.adpulse.sandbox.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A seeded campaign.
 *
 * @param id               campaign id
 * @param advertiserId     owning advertiser
 * @param name             campaign name
 * @param objective        objective; decides which conversion metrics exist
 * @param budgetMode       daily, lifetime or no cap
 * @param budget           the cap in account currency (zero when infinite)
 * @param lifecycle        active, disabled or deleted
 * @param createTime       creation time
 * @param modifyTime       last change (the disable or delete time for those)
 * @param deliveryEnd      the hour delivery stopped (disable/delete), or null while it runs
 * @param dailyTargetMinor the spend the campaign aims at on an average day, in minor currency units; a daily
 *                         budget sits a little above it, so ordinary day-to-day variation sometimes overspends
 * @param adGroups         its ad groups
 */
public record Campaign(String id, String advertiserId, String name, Objective objective, BudgetMode budgetMode,
                       BigDecimal budget, Lifecycle lifecycle, Instant createTime, Instant modifyTime,
                       Instant deliveryEnd, double dailyTargetMinor, List<AdGroup> adGroups) {
}
