package io.adpulse.events;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of one TikTok entity (advertiser, campaign, ad group or ad) as last read from the API.
 * {@code timeZone} and {@code currency} are set on advertisers; {@code budget} where TikTok has one.
 */
public record EntityObserved(String connectionId, String advertiserId, EntityLevel level, String entityId,
        String parentId, String name, String status, boolean deleted, Money budget, String budgetMode,
        String timeZone, String currency, Map<String, String> attributes, Instant observedAt) {
}
