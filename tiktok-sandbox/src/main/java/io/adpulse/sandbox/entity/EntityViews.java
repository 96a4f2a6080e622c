package io.adpulse.sandbox.entity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.adpulse.sandbox.catalog.Ad;
import io.adpulse.sandbox.catalog.AdGroup;
import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.Campaign;
import io.adpulse.sandbox.catalog.CatalogEdits;
import io.adpulse.sandbox.catalog.LiveCatalog;
import io.adpulse.sandbox.catalog.EntityLevel;

/**
 * Renders catalogue entities with TikTok's field names and formats: ids as strings, budgets as numbers,
 * {@code create_time}/{@code modify_time} as {@code "yyyy-MM-dd HH:mm:ss"} in UTC for the hierarchy but unix
 * seconds for advertisers, exactly the inconsistency TikTok has.
 */
final class EntityViews {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Map<String, List<Long>> LOCATIONS = Map.of("US", List.of(6252001L), "GB", List.of(2635167L),
            "JP", List.of(1861060L));

    private EntityViews() {
    }

    static Map<String, Object> advertiser(Advertiser a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("advertiser_id", a.id());
        view.put("name", a.name());
        view.put("company", a.company());
        view.put("status", "STATUS_ENABLE");
        view.put("role", "ROLE_ADVERTISER");
        view.put("currency", a.currency().getCurrencyCode());
        view.put("timezone", a.tiktokTimezone());
        view.put("display_timezone", a.zone().getId());
        view.put("country", a.country());
        view.put("balance", a.balance());
        view.put("create_time", a.createTime().getEpochSecond());
        view.put("advertiser_account_type", "AUCTION");
        view.put("language", "en");
        view.put("industry", "291905");
        view.put("rejection_reason", "");
        return view;
    }

    static Map<String, Object> campaign(Campaign c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("campaign_id", c.id());
        view.put("campaign_name", c.name());
        view.put("advertiser_id", c.advertiserId());
        view.put("budget", c.budget());
        view.put("budget_mode", c.budgetMode().name());
        view.put("operation_status", c.lifecycle().operationStatus(EntityLevel.CAMPAIGN));
        view.put("secondary_status", c.lifecycle().secondaryStatus(EntityLevel.CAMPAIGN));
        view.put("objective_type", c.objective().name());
        view.put("campaign_type", "REGULAR_CAMPAIGN");
        view.put("is_new_structure", true);
        view.put("budget_optimize_on", false);
        view.put("is_smart_performance_campaign", false);
        view.put("create_time", time(c.createTime()));
        view.put("modify_time", time(c.modifyTime()));
        return view;
    }

    static Map<String, Object> adGroup(Campaign c, AdGroup g, Advertiser a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("adgroup_id", g.id());
        view.put("adgroup_name", g.name());
        view.put("campaign_id", c.id());
        view.put("campaign_name", c.name());
        view.put("advertiser_id", g.advertiserId());
        view.put("budget", g.budget());
        view.put("budget_mode", g.budgetMode().name());
        view.put("operation_status", c.lifecycle().operationStatus(EntityLevel.ADGROUP));
        view.put("secondary_status", c.lifecycle().secondaryStatus(EntityLevel.ADGROUP));
        view.put("optimization_goal", c.objective().optimizationGoal());
        view.put("billing_event", c.objective().billingEvent());
        view.put("bid_type", "BID_TYPE_NO_BID");
        view.put("pacing", "PACING_MODE_SMOOTH");
        view.put("schedule_type", "SCHEDULE_FROM_NOW");
        view.put("schedule_start_time", time(g.createTime()));
        view.put("placement_type", "PLACEMENT_TYPE_NORMAL");
        view.put("placements", List.of("PLACEMENT_TIKTOK"));
        view.put("location_ids", LOCATIONS.getOrDefault(a.country(), List.of()));
        view.put("age_groups", List.of("AGE_18_24", "AGE_25_34", "AGE_35_44"));
        view.put("gender", "GENDER_UNLIMITED");
        view.put("create_time", time(g.createTime()));
        view.put("modify_time", time(g.modifyTime()));
        return view;
    }

    static Map<String, Object> ad(Campaign c, AdGroup g, Ad ad, Advertiser a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ad_id", ad.id());
        view.put("ad_name", ad.name());
        view.put("adgroup_id", g.id());
        view.put("adgroup_name", g.name());
        view.put("campaign_id", c.id());
        view.put("campaign_name", c.name());
        view.put("advertiser_id", ad.advertiserId());
        view.put("operation_status", c.lifecycle().operationStatus(EntityLevel.AD));
        view.put("secondary_status", c.lifecycle().secondaryStatus(EntityLevel.AD));
        view.put("ad_format", "SINGLE_VIDEO");
        view.put("ad_text", ad.adText());
        view.put("call_to_action", c.objective().callToAction());
        view.put("landing_page_url", "https://www.example.com/" + a.country().toLowerCase() + "/c/" + c.id());
        view.put("display_name", a.name());
        view.put("video_id", "v10033g50000" + ad.id().substring(ad.id().length() - 12));
        view.put("create_time", time(ad.createTime()));
        view.put("modify_time", time(ad.modifyTime()));
        return view;
    }

    /**
     * An entity as the write endpoints left it: a seeded one's view with its edited name, budget, statuses and modify
     * time; a created one from the fields it was created with.
     */
    static Map<String, Object> live(Map<String, Object> view, LiveCatalog.Entity entity, LiveCatalog live) {
        Map<String, Object> edited = new LinkedHashMap<>(view);
        String prefix = switch (entity.level()) {
            case CAMPAIGN -> "campaign";
            case ADGROUP -> "adgroup";
            default -> "ad";
        };
        edited.put(prefix + "_name", entity.name());
        if (entity.level() != EntityLevel.AD) {
            edited.put("budget", entity.budget());
            edited.put("budget_mode", entity.budgetMode().name());
        }
        edited.put("operation_status", live.operationStatus(entity));
        edited.put("secondary_status", live.secondaryStatus(entity));
        edited.put("modify_time", time(entity.modifyTime()));
        return edited;
    }

    /** A created entity: its ids, the fields it was created with, statuses and times. */
    static Map<String, Object> created(CatalogEdits.Created created, LiveCatalog.Entity entity, LiveCatalog live) {
        Map<String, Object> view = new LinkedHashMap<>();
        switch (created.level()) {
            case CAMPAIGN -> view.put("campaign_id", created.id());
            case ADGROUP -> {
                view.put("adgroup_id", created.id());
                view.put("campaign_id", created.campaignId());
            }
            default -> {
                view.put("ad_id", created.id());
                view.put("adgroup_id", created.adGroupId());
                view.put("campaign_id", created.campaignId());
            }
        }
        view.put("advertiser_id", created.advertiserId());
        created.fields().forEach((name, value) -> {
            if (!name.equals("advertiser_id") && !name.equals("creatives")) {
                view.putIfAbsent(name, value);
            }
        });
        if (created.level() == EntityLevel.CAMPAIGN) {
            view.put("objective_type", created.objective().name());
            view.put("campaign_type", "REGULAR_CAMPAIGN");
        } else {
            view.put("objective_type", created.objective().name());
        }
        view.put("create_time", time(created.createTime()));
        return live(view, entity, live);
    }

    /** Keeps only the requested fields (all when none are named); fields the sandbox does not know are skipped. */
    static Map<String, Object> select(Map<String, Object> view, List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            return view;
        }
        Map<String, Object> selected = new LinkedHashMap<>();
        fields.stream().filter(view::containsKey).forEach(field -> selected.put(field, view.get(field)));
        return selected;
    }

    private static String time(Instant instant) {
        return UTC_TIME.format(instant);
    }
}
