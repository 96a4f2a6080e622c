package io.adpulse.alerting.pacing.domain;

/** The level of the ads hierarchy that holds a budget: a campaign or an ad group. */
public enum BudgetLevel {
    CAMPAIGN("campaign", "Campaign"),
    ADGROUP("adgroup", "Ad group");

    private final String label;
    private final String noun;

    BudgetLevel(String label, String noun) {
        this.label = label;
        this.noun = noun;
    }

    /** The value of the {@code level} label: {@code campaign} or {@code adgroup}. */
    public String label() {
        return label;
    }

    /** "Campaign" or "Ad group", for summaries. */
    public String noun() {
        return noun;
    }

    /** The level named by a {@code level} label value. */
    public static BudgetLevel ofLabel(String label) {
        for (BudgetLevel level : values()) {
            if (level.label.equals(label)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown budget level '" + label + "'");
    }
}
