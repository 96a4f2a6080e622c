package io.adpulse.ingest.sync;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.Money;
import java.math.BigDecimal;
import java.util.Map;

/**
 * One campaign, ad group or ad as {@code /campaign/get/}, {@code /adgroup/get/} or {@code /ad/get/} returns
 * it. {@code parentId} is the campaign of an ad group and the ad group of an ad (the advertiser for a
 * campaign); {@code budget} and {@code budgetMode} are absent for ads; {@code attributes} carries the
 * descriptive extras (objective, schedule, bidding, create and modify times) that TikTok returned.
 */
public record EntitySnapshot(EntityLevel level, String entityId, String parentId, String name, BigDecimal budget,
        String budgetMode, String operationStatus, String secondaryStatus, Map<String, String> attributes) {

    static final String INFINITE_BUDGET = "BUDGET_MODE_INFINITE";
    private static final String DELETED_SUFFIX = "_STATUS_DELETE";

    /**
     * Deleted entities are still listed (with the "all statuses" filter); their secondary status says so
     * ({@code CAMPAIGN_STATUS_DELETE}, {@code ADGROUP_STATUS_DELETE}, {@code AD_STATUS_DELETE}).
     */
    boolean deleted() {
        return secondaryStatus != null && secondaryStatus.endsWith(DELETED_SUFFIX);
    }

    /** The switch an operator sets (ENABLE, DISABLE), or TikTok's delivery status when that is absent. */
    String status() {
        return operationStatus != null ? operationStatus : secondaryStatus;
    }

    /** The budget in the account currency; none when the entity has no budget limit or TikTok gave none. */
    Money budgetIn(String currency) {
        if (budget == null || INFINITE_BUDGET.equals(budgetMode)) {
            return null;
        }
        return new Money(budget, currency);
    }
}
