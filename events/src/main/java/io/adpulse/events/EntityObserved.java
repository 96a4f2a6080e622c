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

    /**
     * The record key on the compacted {@link Topics#ENTITIES} topic: advertiser, level and entity id, so compaction
     * keeps the latest snapshot of every entity and a tombstone under this key means that one entity is gone.
     */
    public String stateKey() {
        return stateKey(advertiserId, level, entityId);
    }

    /** {@link #stateKey()} from its parts, for readers of tombstones and for producers of them. */
    public static String stateKey(String advertiserId, EntityLevel level, String entityId) {
        return String.join("|", advertiserId, level.name(), entityId);
    }
}
