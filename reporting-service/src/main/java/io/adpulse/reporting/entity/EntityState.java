package io.adpulse.reporting.entity;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Money;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The state of one entity as of {@code observedAt}. {@code timeZone} and {@code currency} are set on
 * advertisers; {@code budget} where TikTok has one. {@code eventId} names the observation that produced
 * this state, for tracing a row back to its event. {@code scheduleStart} and {@code scheduleEnd} are the delivery
 * schedule TikTok reports on ad groups ({@code schedule_start_time}, {@code schedule_end_time} attributes, UTC).
 */
record EntityState(String advertiserId, EntityLevel level, String entityId, String connectionId,
        String parentId, String name, String status, boolean deleted, Money budget, String budgetMode,
        String timeZone, String currency, Instant scheduleStart, Instant scheduleEnd, Instant observedAt,
        String eventId) {

    /** TikTok's format of {@code schedule_start_time} and {@code schedule_end_time}, in UTC. */
    private static final DateTimeFormatter SCHEDULE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static EntityState from(EventEnvelope<EntityObserved> event) {
        EntityObserved e = event.data();
        Map<String, String> attributes = e.attributes() == null ? Map.of() : e.attributes();
        return new EntityState(e.advertiserId(), e.level(), e.entityId(), e.connectionId(), e.parentId(), e.name(),
                e.status(), e.deleted(), e.budget(), e.budgetMode(), e.timeZone(), e.currency(),
                schedule(attributes.get("schedule_start_time")), schedule(attributes.get("schedule_end_time")),
                e.observedAt(), event.id());
    }

    /** A schedule time as an instant; {@code null} when absent or not in TikTok's format (never a guess). */
    static Instant schedule(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), SCHEDULE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
