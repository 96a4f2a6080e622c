package io.adpulse.reporting.entity;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Writes {@code entity_state}. Reads live with the reports that need them. */
@Repository
class EntityStateRepository {

    /**
     * Insert, or replace only when the stored row was observed strictly earlier. One statement, so it is
     * atomic against concurrent deliveries of the same key; an equal {@code observed_at} is a redelivery
     * of the state already stored and changes nothing.
     */
    private static final String UPSERT = """
            insert into entity_state (advertiser_id, level, entity_id, connection_id, parent_id, name, status,
                deleted, budget_amount, budget_currency, budget_mode, time_zone, currency, schedule_start, schedule_end,
                observed_at, event_id)
            values (:advertiserId, :level, :entityId, :connectionId, :parentId, :name, :status,
                :deleted, :budgetAmount, :budgetCurrency, :budgetMode, :timeZone, :currency, :scheduleStart,
                :scheduleEnd, :observedAt, :eventId)
            on conflict (advertiser_id, level, entity_id) do update set
                connection_id = excluded.connection_id, parent_id = excluded.parent_id, name = excluded.name,
                status = excluded.status, deleted = excluded.deleted, budget_amount = excluded.budget_amount,
                budget_currency = excluded.budget_currency, budget_mode = excluded.budget_mode,
                time_zone = excluded.time_zone, currency = excluded.currency,
                schedule_start = excluded.schedule_start, schedule_end = excluded.schedule_end,
                observed_at = excluded.observed_at,
                event_id = excluded.event_id, updated_at = now()
            where entity_state.observed_at < excluded.observed_at
            """;

    private final DatabaseClient db;

    EntityStateRepository(DatabaseClient db) {
        this.db = db;
    }

    /** {@code true} when the state was stored, {@code false} when a newer or equal one already was. */
    Mono<Boolean> upsertIfNewer(EntityState state) {
        return db.sql(UPSERT)
                .bind("advertiserId", state.advertiserId())
                .bind("level", state.level().name())
                .bind("entityId", state.entityId())
                .bind("connectionId", state.connectionId())
                .bind("parentId", Parameter.fromOrEmpty(state.parentId(), String.class))
                .bind("name", Parameter.fromOrEmpty(state.name(), String.class))
                .bind("status", Parameter.fromOrEmpty(state.status(), String.class))
                .bind("deleted", state.deleted())
                .bind("budgetAmount", Parameter.fromOrEmpty(
                        state.budget() == null ? null : state.budget().amount(), BigDecimal.class))
                .bind("budgetCurrency", Parameter.fromOrEmpty(
                        state.budget() == null ? null : state.budget().currency(), String.class))
                .bind("budgetMode", Parameter.fromOrEmpty(state.budgetMode(), String.class))
                .bind("timeZone", Parameter.fromOrEmpty(state.timeZone(), String.class))
                .bind("currency", Parameter.fromOrEmpty(state.currency(), String.class))
                .bind("scheduleStart", Parameter.fromOrEmpty(state.scheduleStart(), Instant.class))
                .bind("scheduleEnd", Parameter.fromOrEmpty(state.scheduleEnd(), Instant.class))
                .bind("observedAt", state.observedAt())
                .bind("eventId", state.eventId())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }
}
