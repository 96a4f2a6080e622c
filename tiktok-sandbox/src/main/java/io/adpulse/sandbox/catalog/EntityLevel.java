package io.adpulse.sandbox.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The four levels of TikTok's auction hierarchy, with the names TikTok uses for them in reports: the id
 * dimension ({@code campaign_id}) and the {@code data_level} ({@code AUCTION_CAMPAIGN}).
 */
public enum EntityLevel {
    ADVERTISER("advertiser_id", "AUCTION_ADVERTISER"),
    CAMPAIGN("campaign_id", "AUCTION_CAMPAIGN"),
    ADGROUP("adgroup_id", "AUCTION_ADGROUP"),
    AD("ad_id", "AUCTION_AD");

    private final String idDimension;
    private final String dataLevel;

    EntityLevel(String idDimension, String dataLevel) {
        this.idDimension = idDimension;
        this.dataLevel = dataLevel;
    }

    public String idDimension() {
        return idDimension;
    }

    public String dataLevel() {
        return dataLevel;
    }

    /** The id, at this level, of the entity an ad rolls up to. */
    public String idOf(Ad ad) {
        return switch (this) {
            case ADVERTISER -> ad.advertiserId();
            case CAMPAIGN -> ad.campaignId();
            case ADGROUP -> ad.adGroupId();
            case AD -> ad.id();
        };
    }

    public static Optional<EntityLevel> ofDataLevel(String dataLevel) {
        return Arrays.stream(values()).filter(level -> level.dataLevel.equals(dataLevel)).findFirst();
    }

    public static Optional<EntityLevel> ofName(String name) {
        return Arrays.stream(values()).filter(level -> level.name().equalsIgnoreCase(name)).findFirst();
    }
}
