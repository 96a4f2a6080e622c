package io.adpulse.reporting.entity;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Money;
import java.time.Instant;

/**
 * The state of one entity as of {@code observedAt}. {@code timeZone} and {@code currency} are set on
 * advertisers; {@code budget} where TikTok has one. {@code eventId} names the observation that produced
 * this state, for tracing a row back to its event.
 */
record EntityState(String advertiserId, EntityLevel level, String entityId, String connectionId,
        String parentId, String name, String status, boolean deleted, Money budget, String budgetMode,
        String timeZone, String currency, Instant observedAt, String eventId) {

    static EntityState from(EventEnvelope<EntityObserved> event) {
        EntityObserved e = event.data();
        return new EntityState(e.advertiserId(), e.level(), e.entityId(), e.connectionId(), e.parentId(), e.name(),
                e.status(), e.deleted(), e.budget(), e.budgetMode(), e.timeZone(), e.currency(), e.observedAt(),
                event.id());
    }
}
