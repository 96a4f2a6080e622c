package io.adpulse.ingest.sync;

import io.adpulse.events.Money;
import java.math.BigDecimal;
import java.util.Map;

/** One campaign as {@code /campaign/get/} returns it; {@code attributes} carries the descriptive extras. */
public record CampaignSnapshot(String campaignId, String name, BigDecimal budget, String budgetMode,
        String operationStatus, String secondaryStatus, Map<String, String> attributes) {

    static final String INFINITE_BUDGET = "BUDGET_MODE_INFINITE";
    private static final String DELETED_SUFFIX = "_STATUS_DELETE";

    /** Deleted campaigns are still listed (with the "all statuses" filter); their secondary status says so. */
    boolean deleted() {
        return secondaryStatus != null && secondaryStatus.endsWith(DELETED_SUFFIX);
    }

    /** The switch an operator sets (ENABLE, DISABLE), or TikTok's delivery status when that is absent. */
    String status() {
        return operationStatus != null ? operationStatus : secondaryStatus;
    }

    /** The budget in the account currency; none when the campaign has no budget limit or TikTok gave none. */
    Money budgetIn(String currency) {
        if (budget == null || INFINITE_BUDGET.equals(budgetMode)) {
            return null;
        }
        return new Money(budget, currency);
    }
}
