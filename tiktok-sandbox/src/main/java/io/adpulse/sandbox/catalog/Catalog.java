package io.adpulse.sandbox.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable, seeded set of advertisers and their entities, indexed for lookups by id. Ids are unique across
 * levels, so an id alone says which entity (and level) is meant.
 */
public final class Catalog {

    private final List<Advertiser> advertisers;
    private final Map<String, Advertiser> advertisersById = new HashMap<>();
    private final Map<String, Campaign> campaignsById = new HashMap<>();
    private final Map<String, AdGroup> adGroupsById = new HashMap<>();
    private final Map<String, Ad> adsById = new HashMap<>();
    private final Map<String, List<Ad>> adsUnder = new HashMap<>();

    Catalog(List<Advertiser> advertisers) {
        this.advertisers = List.copyOf(advertisers);
        for (Advertiser advertiser : advertisers) {
            advertisersById.put(advertiser.id(), advertiser);
            for (Campaign campaign : advertiser.campaigns()) {
                campaignsById.put(campaign.id(), campaign);
                for (AdGroup adGroup : campaign.adGroups()) {
                    adGroupsById.put(adGroup.id(), adGroup);
                    for (Ad ad : adGroup.ads()) {
                        adsById.put(ad.id(), ad);
                        for (EntityLevel level : EntityLevel.values()) {
                            adsUnder.computeIfAbsent(level.idOf(ad), id -> new ArrayList<>()).add(ad);
                        }
                    }
                }
            }
        }
    }

    public List<Advertiser> advertisers() {
        return advertisers;
    }

    public Optional<Advertiser> advertiser(String id) {
        return Optional.ofNullable(advertisersById.get(id));
    }

    public Advertiser advertiserOf(Ad ad) {
        return advertisersById.get(ad.advertiserId());
    }

    public Campaign campaignOf(Ad ad) {
        return campaignsById.get(ad.campaignId());
    }

    public Campaign campaign(String id) {
        return campaignsById.get(id);
    }

    /** The seeded ad group with this id, or null. */
    public AdGroup adGroup(String id) {
        return adGroupsById.get(id);
    }

    /** The seeded ad with this id, or null. */
    public Ad ad(String id) {
        return adsById.get(id);
    }

    /** The level of the entity with this id, if it exists. */
    public Optional<EntityLevel> levelOf(String id) {
        if (advertisersById.containsKey(id)) {
            return Optional.of(EntityLevel.ADVERTISER);
        }
        if (campaignsById.containsKey(id)) {
            return Optional.of(EntityLevel.CAMPAIGN);
        }
        if (adGroupsById.containsKey(id)) {
            return Optional.of(EntityLevel.ADGROUP);
        }
        return adsById.containsKey(id) ? Optional.of(EntityLevel.AD) : Optional.empty();
    }

    /** Every ad the entity with this id rolls up (itself, for an ad); empty for an unknown id. */
    public List<Ad> adsUnder(String entityId) {
        return adsUnder.getOrDefault(entityId, List.of());
    }

    /** The advertiser owning the entity with this id. */
    public Optional<Advertiser> ownerOf(String entityId) {
        List<Ad> ads = adsUnder(entityId);
        return ads.isEmpty() ? advertiser(entityId) : advertiser(ads.get(0).advertiserId());
    }

    public List<Campaign> campaigns(Advertiser advertiser) {
        return advertiser.campaigns();
    }

    public List<AdGroup> adGroups(Advertiser advertiser) {
        return advertiser.campaigns().stream().flatMap(c -> c.adGroups().stream()).toList();
    }

    public List<Ad> ads(Advertiser advertiser) {
        return adGroups(advertiser).stream().flatMap(g -> g.ads().stream()).toList();
    }
}
