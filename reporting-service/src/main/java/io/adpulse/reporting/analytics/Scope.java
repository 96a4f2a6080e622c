package io.adpulse.reporting.analytics;

import io.adpulse.events.EntityLevel;
import io.adpulse.reporting.advertiser.Advertiser;

/**
 * What a report is about: an advertiser (whose time zone and currency label it), a level, and one entity of
 * that level or, when {@code entityId} is {@code null}, all of them together. {@code currency} is the single
 * currency of the rows read; {@code entityName} and {@code entityDeleted} are the entity's latest state,
 * {@code null} while it is unknown or when the scope is a whole level.
 */
record Scope(Advertiser advertiser, EntityLevel level, String entityId, String entityName, Boolean entityDeleted,
        String currency) {

    String advertiserId() {
        return advertiser.advertiserId();
    }
}
