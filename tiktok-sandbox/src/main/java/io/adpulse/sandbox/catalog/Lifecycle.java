package io.adpulse.sandbox.catalog;

/**
 * Where a campaign is in its life. Ad groups and ads follow their campaign: deleting a campaign deletes them, and
 * disabling it stops their delivery while their own switch stays on, exactly how TikTok reports their secondary
 * status ({@code ADGROUP_STATUS_CAMPAIGN_DISABLE}).
 */
public enum Lifecycle {
    ACTIVE("ENABLE", "DELIVERY_OK", "ENABLE"),
    DISABLED("DISABLE", "CAMPAIGN_DISABLE", "DISABLE"),
    DELETED("DELETE", "DELETE", "DISABLE");

    private final String campaignSuffix;
    private final String childSuffix;
    private final String operationStatus;

    Lifecycle(String campaignSuffix, String childSuffix, String operationStatus) {
        this.campaignSuffix = campaignSuffix;
        this.childSuffix = childSuffix;
        this.operationStatus = operationStatus;
    }

    /** TikTok's {@code secondary_status} of an entity at the given level, e.g. {@code AD_STATUS_DELETE}. */
    public String secondaryStatus(EntityLevel level) {
        return switch (level) {
            case CAMPAIGN -> "CAMPAIGN_STATUS_" + campaignSuffix;
            case ADGROUP -> "ADGROUP_STATUS_" + childSuffix;
            case AD -> "AD_STATUS_" + childSuffix;
            case ADVERTISER -> throw new IllegalArgumentException("advertisers have no secondary status");
        };
    }

    /** The campaign's own switch; children keep theirs on unless deleted. */
    public String operationStatus(EntityLevel level) {
        return level == EntityLevel.CAMPAIGN || this == DELETED ? operationStatus : "ENABLE";
    }
}
