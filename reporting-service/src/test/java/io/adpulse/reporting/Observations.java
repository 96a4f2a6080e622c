package io.adpulse.reporting;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Granularity;
import io.adpulse.events.MetricObserved;
import io.adpulse.events.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Object mother for the events ingest-service publishes, with ids derived the way a producer derives them:
 * an entity observation by entity and time, a metric observation by natural key and time, so the same
 * observation published twice carries the same id and a restatement a new one.
 */
public final class Observations {

    private static final String SOURCE = "/adpulse/ingest-service";

    private Observations() {
    }

    public static EventEnvelope<EntityObserved> advertiser(String advertiserId, String name, String timeZone,
            String currency, Instant observedAt) {
        return entity(new EntityObserved("conn-" + advertiserId, advertiserId, EntityLevel.ADVERTISER, advertiserId,
                null, name, "STATUS_ENABLE", false, null, null, timeZone, currency, Map.of(), observedAt));
    }

    public static EventEnvelope<EntityObserved> campaign(String advertiserId, String campaignId, String name,
            boolean deleted, Money budget, Instant observedAt) {
        return entity(new EntityObserved("conn-" + advertiserId, advertiserId, EntityLevel.CAMPAIGN, campaignId,
                advertiserId, name, deleted ? "DELETE" : "ENABLE", deleted, budget,
                budget == null ? null : "BUDGET_MODE_DAY", null, null, Map.of("objective_type", "TRAFFIC"), observedAt));
    }

    /** An ad group or ad (or any level) with a parent, enabled and not deleted. */
    public static EventEnvelope<EntityObserved> entity(EntityLevel level, String advertiserId, String entityId,
            String parentId, String name, Instant observedAt) {
        return entity(new EntityObserved("conn-" + advertiserId, advertiserId, level, entityId, parentId, name,
                "ENABLE", false, null, null, null, null, Map.of(), observedAt));
    }

    private static EventEnvelope<EntityObserved> entity(EntityObserved data) {
        return EventEnvelope.of(SOURCE, data.advertiserId(), data.observedAt(), data, data.level(), data.entityId(),
                data.observedAt());
    }

    /** A daily observation; {@code values} are name/value pairs of TikTok metric names. */
    public static EventEnvelope<MetricObserved> daily(EntityLevel level, String advertiserId, String entityId,
            String date, String timeZone, String currency, Instant observedAt, List<String> missing,
            String... values) {
        Map<String, BigDecimal> metrics = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i += 2) {
            metrics.put(values[i], new BigDecimal(values[i + 1]));
        }
        var data = new MetricObserved("conn-" + advertiserId, advertiserId, level, entityId, Granularity.DAY,
                LocalDate.parse(date), null, timeZone, currency, metrics, missing, observedAt);
        return EventEnvelope.of(SOURCE, advertiserId, observedAt, data, data.naturalKey(), observedAt);
    }

    /** An hourly observation of local hour {@code hour} (0-23) of {@code date}. */
    public static EventEnvelope<MetricObserved> hourly(EntityLevel level, String advertiserId, String entityId,
            String date, int hour, String timeZone, String currency, Instant observedAt, List<String> missing,
            String... values) {
        Map<String, BigDecimal> metrics = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i += 2) {
            metrics.put(values[i], new BigDecimal(values[i + 1]));
        }
        var data = new MetricObserved("conn-" + advertiserId, advertiserId, level, entityId, Granularity.HOUR,
                LocalDate.parse(date), hour, timeZone, currency, metrics, missing, observedAt);
        return EventEnvelope.of(SOURCE, advertiserId, observedAt, data, data.naturalKey(), observedAt);
    }
}
