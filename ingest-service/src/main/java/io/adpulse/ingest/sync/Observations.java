package io.adpulse.ingest.sync;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.MetricObserved;
import io.adpulse.events.Money;
import io.adpulse.ingest.ledger.Canonical;
import io.adpulse.ingest.ledger.Observation;
import java.util.List;
import java.util.TreeMap;

/**
 * Turns what TikTok returned into events. Entities carry their parent (the advertiser of a campaign, the
 * campaign of an ad group, the ad group of an ad), the
 * advertiser's zone and currency on the advertiser itself, and budgets as money in the account currency.
 * Metric observations are dated in the advertiser's zone and carry its currency; metric maps are sorted
 * so that equal facts always serialise, hash and identify the same way.
 */
final class Observations {

    private static final String ENTITY_KEY_PREFIX = "entity";

    private Observations() {
    }

    static Observation<EntityObserved> advertiser(SyncScope scope) {
        AdvertiserInfo info = scope.advertiser();
        EntityObserved data = new EntityObserved(scope.connectionId(), scope.advertiserId(), EntityLevel.ADVERTISER,
                scope.advertiserId(), null, info.name(), info.status(), false, null, null, scope.zone().getId(),
                scope.currency(), new TreeMap<>(info.attributes()), scope.observedAt());
        return entity(data, scope);
    }

    static Observation<EntityObserved> entity(EntitySnapshot entity, SyncScope scope) {
        EntityObserved data = new EntityObserved(scope.connectionId(), scope.advertiserId(), entity.level(),
                entity.entityId(), entity.parentId(), entity.name(), entity.status(), entity.deleted(),
                entity.budgetIn(scope.currency()), entity.budgetMode(), null, null,
                new TreeMap<>(entity.attributes()), scope.observedAt());
        return entity(data, scope);
    }

    static Observation<MetricObserved> metric(ReportStream stream, ReportRow row, SyncScope scope) {
        MetricObserved data = new MetricObserved(scope.connectionId(), scope.advertiserId(), stream.level(),
                row.entityId(), stream.granularity(), row.statDate(), row.statHour(), scope.zone().getId(), scope.currency(),
                new TreeMap<>(row.metrics()), List.copyOf(row.missing()), scope.observedAt());
        String value = Canonical.of(data.timeZone(), data.currency(), data.metrics(), data.missing());
        return new Observation<>(data.naturalKey(), scope.advertiserId(), row.statDate(), value, scope.observedAt(), data);
    }

    private static Observation<EntityObserved> entity(EntityObserved data, SyncScope scope) {
        Money budget = data.budget();
        String value = Canonical.of(data.parentId(), data.name(), data.status(), data.deleted(),
                budget == null ? null : budget.amount(), budget == null ? null : budget.currency(), data.budgetMode(),
                data.timeZone(), data.currency(), data.attributes());
        String key = String.join("|", ENTITY_KEY_PREFIX, data.advertiserId(), data.level().name(), data.entityId());
        return new Observation<>(key, scope.advertiserId(), null, value, scope.observedAt(), data);
    }
}
