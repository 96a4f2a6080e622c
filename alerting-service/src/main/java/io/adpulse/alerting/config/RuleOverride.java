package io.adpulse.alerting.config;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Thresholds or targets of some rules set for one advertiser, brand or campaign instead of the global ones. Per
 * parameter the most specific setting wins: campaign, then brand, then advertiser, then global.
 *
 * @param level         what the override is for
 * @param id            the advertiser id, the brand's name or the campaign id
 * @param advertiserIds for a brand, the advertisers that belong to it (alerting-service knows no brands of its own:
 *                      the admin lists the brand's advertisers here); empty for the other levels
 * @param rules         parameter values by rule name (see {@link RuleCatalog}); parameters left out are inherited
 */
public record RuleOverride(Level level, String id, List<String> advertiserIds,
        Map<String, Map<String, BigDecimal>> rules) {

    /** The levels, least specific first. */
    public enum Level {
        ADVERTISER, BRAND, CAMPAIGN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RuleOverride {
        advertiserIds = advertiserIds == null ? List.of() : List.copyOf(advertiserIds);
        Map<String, Map<String, BigDecimal>> copy = new LinkedHashMap<>();
        if (rules != null) {
            rules.forEach((rule, parameters) -> copy.put(rule, Map.copyOf(parameters)));
        }
        rules = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether the override applies to a campaign (or its advertiser, when {@code campaignId} is null). */
    public boolean appliesTo(String advertiserId, String campaignId) {
        return switch (level) {
            case ADVERTISER -> id.equals(advertiserId);
            case BRAND -> advertiserIds.contains(advertiserId);
            case CAMPAIGN -> id.equals(campaignId);
        };
    }
}
