package io.adpulse.ingest.command.ads;

import io.adpulse.events.EntityLevel;

/** TikTok's names per entity level: the kind prefix, the endpoint prefix and the id fields. */
enum Levels {
    CAMPAIGN(EntityLevel.CAMPAIGN, "campaign", "campaignId", "campaign_id", "campaignName", "campaign_name"),
    ADGROUP(EntityLevel.ADGROUP, "adgroup", "adgroupId", "adgroup_id", "adgroupName", "adgroup_name"),
    AD(EntityLevel.AD, "ad", "adId", "ad_id", "adName", "ad_name");

    final EntityLevel level;
    /** Prefix of the command kinds ({@code campaign.update}) and of TikTok's paths ({@code /campaign/update/}). */
    final String prefix;
    final String idParameter;
    final String idField;
    final String nameParameter;
    final String nameField;

    Levels(EntityLevel level, String prefix, String idParameter, String idField, String nameParameter,
            String nameField) {
        this.level = level;
        this.prefix = prefix;
        this.idParameter = idParameter;
        this.idField = idField;
        this.nameParameter = nameParameter;
        this.nameField = nameField;
    }

    /** The parameter naming several ids ({@code campaignIds}). */
    String idsParameter() {
        return idParameter + "s";
    }

    /** TikTok's field naming several ids ({@code campaign_ids}). */
    String idsField() {
        return idField + "s";
    }
}
