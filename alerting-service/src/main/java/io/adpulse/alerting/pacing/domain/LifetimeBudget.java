package io.adpulse.alerting.pacing.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What lifetime pacing knows about one campaign or ad group and its advertiser. The flight is when the budget
 * is to be spent: an ad group's own schedule ({@code schedule_start_time} to {@code schedule_end_time}); for a
 * campaign, from the earliest start to the latest end of its ad groups that are not deleted (null when any of
 * them runs without an end). {@code timeZone} and {@code currency} come from the advertiser and are null until it
 * has been observed.
 *
 * @param campaignId the campaign itself, or the ad group's campaign
 */
public record LifetimeBudget(BudgetKey key, String campaignId, String name, boolean deleted, BigDecimal budget,
        String budgetCurrency, String budgetMode, Instant flightStart, Instant flightEnd, String timeZone,
        String currency) {

    /** TikTok's budget mode for a budget to be spent over the whole schedule. */
    public static final String BUDGET_MODE_TOTAL = "BUDGET_MODE_TOTAL";

    /** Why this budget holder is not paced against a lifetime budget, or null when it is. */
    public String notPacedBecause() {
        if (deleted) {
            return "it is deleted";
        }
        if (!BUDGET_MODE_TOTAL.equals(budgetMode)) {
            return "its budget mode is " + (budgetMode == null ? "unknown" : budgetMode) + ", not a lifetime budget";
        }
        if (budget == null || budget.signum() <= 0) {
            return "it has no lifetime budget";
        }
        if (flightStart == null || flightEnd == null || !flightEnd.isAfter(flightStart)) {
            return "its schedule has no start and end";
        }
        if (timeZone == null) {
            return "its advertiser's time zone is not known yet";
        }
        return null;
    }

    /** The name for people: the entity's name, or its id when TikTok gave none. */
    public String displayName() {
        return name == null || name.isBlank() ? key.entityId() : name;
    }
}
