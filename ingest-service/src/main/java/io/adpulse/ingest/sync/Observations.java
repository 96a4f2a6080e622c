package io.adpulse.ingest.sync;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.Granularity;
import io.adpulse.events.MetricObserved;
import io.adpulse.events.Money;
import io.adpulse.ingest.ledger.Canonical;
import io.adpulse.ingest.ledger.Observation;
import java.util.List;
import java.util.TreeMap;

/**
 * Turns what TikTok returned into events. Entities carry the advertiser as parent of its campaigns, the
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

    static Observation<EntityObserved> campaign(CampaignSnapshot campaign, SyncScope scope) {
        EntityObserved data = new EntityObserved(scope.connectionId(), scope.advertiserId(), EntityLevel.CAMPAIGN,
                campaign.campaignId(), scope.advertiserId(), campaign.name(), campaign.status(), campaign.deleted(),
                campaign.budgetIn(scope.currency()), campaign.budgetMode(), null, null,
                new TreeMap<>(campaign.attributes()), scope.observedAt());
        return entity(data, scope);
    }

    static Observation<MetricObserved> metric(ReportLevel level, ReportRow row, SyncScope scope) {
        MetricObserved data = new MetricObserved(scope.connectionId(), scope.advertiserId(), level.entityLevel(),
                row.entityId(), Granularity.DAY, row.statDate(), null, scope.zone().getId(), scope.currency(),
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
