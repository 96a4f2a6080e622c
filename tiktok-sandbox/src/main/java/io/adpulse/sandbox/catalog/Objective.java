package io.adpulse.sandbox.catalog;

/**
 * Campaign objectives the seed uses, with what TikTok reports for each. Conversion counts exist only where the
 * campaign optimises towards an event, purchase value only where that event is a purchase; elsewhere TikTok's
 * reports show {@code "-"}, which is how consumers learn that a figure is missing rather than zero.
 */
public enum Objective {
    WEB_CONVERSIONS(true, true, "CONVERT", "OCPM", "SHOP_NOW"),
    PRODUCT_SALES(true, true, "VALUE", "OCPM", "SHOP_NOW"),
    TRAFFIC(true, false, "CLICK", "CPC", "LEARN_MORE"),
    REACH(false, false, "REACH", "CPM", "LEARN_MORE"),
    VIDEO_VIEWS(false, false, "ENGAGED_VIEW", "CPV", "WATCH_NOW"),
    ENGAGEMENT(false, false, "FOLLOWERS", "OCPM", "LEARN_MORE");

    private final boolean conversions;
    private final boolean purchaseValue;
    private final String optimizationGoal;
    private final String billingEvent;
    private final String callToAction;

    Objective(boolean conversions, boolean purchaseValue, String optimizationGoal, String billingEvent,
              String callToAction) {
        this.conversions = conversions;
        this.purchaseValue = purchaseValue;
        this.optimizationGoal = optimizationGoal;
        this.billingEvent = billingEvent;
        this.callToAction = callToAction;
    }

    /** Whether reports carry conversion counts for this objective. */
    public boolean hasConversions() {
        return conversions;
    }

    /** Whether reports carry purchase counts and value for this objective. */
    public boolean hasPurchaseValue() {
        return purchaseValue;
    }

    public String optimizationGoal() {
        return optimizationGoal;
    }

    public String billingEvent() {
        return billingEvent;
    }

    public String callToAction() {
        return callToAction;
    }
}
