package io.adpulse.reporting.analytics;

import io.adpulse.events.EntityLevel;
import io.adpulse.reporting.advertiser.Advertiser;
import java.util.List;
import java.util.Map;

/**
 * What a report is about: one advertiser ({@code advertiser}) or the advertisers of a brand or client
 * ({@code advertiser} {@code null}, {@code brandId}/{@code clientId} set), a level, and one entity of that level or,
 * when {@code entityId} is {@code null}, all of them together (an entity needs a single advertiser).
 * {@code currency} is the single currency of the rows read; {@code timeZones} the distinct zones of the advertisers,
 * to whose local dates the rows belong; {@code profiles} the known advertisers by id. {@code entityName} and
 * {@code entityDeleted} are the entity's latest state, {@code null} while it is unknown or when the scope is a whole
 * level.
 */
record Scope(Advertiser advertiser, List<String> advertiserIds, Map<String, Advertiser> profiles, String brandId,
        String clientId, List<String> timeZones, EntityLevel level, String entityId, String entityName,
        Boolean entityDeleted, String currency) {

    /** The one advertiser, or {@code null} for a brand or client. */
    String advertiserId() {
        return advertiser == null ? null : advertiser.advertiserId();
    }

    String advertiserName() {
        return advertiser == null ? null : advertiser.name();
    }

    /** The time zone of every advertiser of the scope, or {@code null} when they differ or none is known. */
    String timeZone() {
        return timeZones.size() == 1 ? timeZones.get(0) : null;
    }

    /** The time zones as one label ({@code ;} separated), for exports; {@code null} when none is known. */
    String timeZoneLabel() {
        return timeZones.isEmpty() ? null : String.join(";", timeZones);
    }

    /** The time zone of one advertiser of the scope, {@code null} when unknown. */
    String timeZoneOf(String advertiserId) {
        Advertiser a = profiles.get(advertiserId);
        return a == null ? null : a.timeZone();
    }
}
