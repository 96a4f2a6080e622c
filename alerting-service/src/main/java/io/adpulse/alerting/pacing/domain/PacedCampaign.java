package io.adpulse.alerting.pacing.domain;

import java.math.BigDecimal;

/**
 * What pacing knows about one campaign and its advertiser. {@code timeZone} and {@code currency} come
 * from the advertiser entity and are null until it has been observed.
 */
public record PacedCampaign(String advertiserId, String campaignId, String name, String status, boolean deleted,
        BigDecimal budget, String budgetCurrency, String budgetMode, String timeZone, String currency) {

    /** TikTok's budget mode for a budget that resets every local day. */
    public static final String BUDGET_MODE_DAY = "BUDGET_MODE_DAY";

    /** Why this campaign is not paced against a daily budget, or null when it is. */
    public String notPacedBecause() {
        if (deleted) {
            return "it is deleted";
        }
        if (!BUDGET_MODE_DAY.equals(budgetMode)) {
            return "its budget mode is " + (budgetMode == null ? "unknown" : budgetMode) + ", not a daily budget";
        }
        if (budget == null || budget.signum() <= 0) {
            return "it has no daily budget";
        }
        if (timeZone == null) {
            return "its advertiser's time zone is not known yet";
        }
        return null;
    }

    /** The name for people: the campaign name, or its id when TikTok gave none. */
    public String displayName() {
        return name == null || name.isBlank() ? campaignId : name;
    }
}
