package io.adpulse.sandbox.catalog;

import io.adpulse.sandbox.catalog.CatalogEdits.Switch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The catalogue as TikTok's write endpoints left it: seeded and created entities with their edits applied, and the
 * statuses that follow from a switch and its parents' (a deleted campaign deletes its ad groups and ads; a disabled
 * one stops them, shown as {@code *_STATUS_CAMPAIGN_DISABLE}).
 */
@Component
public class LiveCatalog {

    /** One campaign, ad group or ad as it is now. */
    public record Entity(EntityLevel level, String id, String advertiserId, String campaignId, String adGroupId,
                         String name, Objective objective, BudgetMode budgetMode, BigDecimal budget, Switch state,
                         Instant modifyTime, boolean created) {
    }

    private final Catalog catalog;
    private final CatalogEdits edits;

    LiveCatalog(Catalog catalog, CatalogEdits edits) {
        this.catalog = catalog;
        this.edits = edits;
    }

    public CatalogEdits edits() {
        return edits;
    }

    /** The campaign, ad group or ad with this id, seeded or created, with its edits. */
    public Optional<Entity> find(String id) {
        Campaign campaign = catalog.campaign(id);
        if (campaign != null) {
            return Optional.of(edited(new Entity(EntityLevel.CAMPAIGN, id, campaign.advertiserId(), id, null,
                    campaign.name(), campaign.objective(), campaign.budgetMode(), campaign.budget(),
                    seededState(campaign.lifecycle()), campaign.modifyTime(), false)));
        }
        AdGroup group = catalog.adGroup(id);
        if (group != null) {
            Campaign parent = catalog.campaign(group.campaignId());
            return Optional.of(edited(new Entity(EntityLevel.ADGROUP, id, group.advertiserId(), group.campaignId(), id,
                    group.name(), parent.objective(), group.budgetMode(), group.budget(), Switch.ENABLE,
                    group.modifyTime(), false)));
        }
        Ad ad = catalog.ad(id);
        if (ad != null) {
            Campaign parent = catalog.campaign(ad.campaignId());
            return Optional.of(edited(new Entity(EntityLevel.AD, id, ad.advertiserId(), ad.campaignId(),
                    ad.adGroupId(), ad.name(), parent.objective(), null, null, Switch.ENABLE, ad.modifyTime(), false)));
        }
        return edits.created(id).map(c -> edited(new Entity(c.level(), c.id(), c.advertiserId(), c.campaignId(),
                c.adGroupId(), c.name(), c.objective(), c.budgetMode(), c.budget(), initialState(c), c.createTime(),
                true)));
    }

    private static Switch initialState(CatalogEdits.Created created) {
        Object status = created.fields().get("operation_status");
        return "DISABLE".equals(status) ? Switch.DISABLE : Switch.ENABLE;
    }

    private static Switch seededState(Lifecycle lifecycle) {
        return switch (lifecycle) {
            case ACTIVE -> Switch.ENABLE;
            case DISABLED -> Switch.DISABLE;
            case DELETED -> Switch.DELETE;
        };
    }

    private Entity edited(Entity entity) {
        return edits.edit(entity.id()).map(e -> new Entity(entity.level(), entity.id(), entity.advertiserId(),
                entity.campaignId(), entity.adGroupId(), e.name() != null ? e.name() : entity.name(), entity.objective(),
                entity.budgetMode(), e.budget() != null ? e.budget() : entity.budget(),
                e.state() != null ? e.state() : entity.state(),
                e.modifyTime() != null ? e.modifyTime() : entity.modifyTime(), entity.created())).orElse(entity);
    }

    /** Whether the entity or one of its parents was edited (its listing then follows the edits). */
    public boolean touched(Entity entity) {
        return edits.edit(entity.id()).isPresent() || parents(entity).anyMatch(p -> edits.edit(p.id()).isPresent());
    }

    private java.util.stream.Stream<Entity> parents(Entity entity) {
        java.util.stream.Stream.Builder<Entity> parents = java.util.stream.Stream.builder();
        if (entity.level() != EntityLevel.CAMPAIGN) {
            find(entity.campaignId()).ifPresent(parents::add);
        }
        if (entity.level() == EntityLevel.AD) {
            find(entity.adGroupId()).ifPresent(parents::add);
        }
        return parents.build();
    }

    /** Deleted itself or under a deleted parent. */
    public boolean deleted(Entity entity) {
        return entity.state() == Switch.DELETE || parents(entity).anyMatch(p -> p.state() == Switch.DELETE);
    }

    /** The lifecycle the list filters go by: deleted, not delivering (itself or a parent switched off) or active. */
    public Lifecycle lifecycle(Entity entity) {
        if (deleted(entity)) {
            return Lifecycle.DELETED;
        }
        boolean off = entity.state() == Switch.DISABLE || parents(entity).anyMatch(p -> p.state() == Switch.DISABLE);
        return off ? Lifecycle.DISABLED : Lifecycle.ACTIVE;
    }

    /** TikTok's {@code operation_status}: the entity's own switch ({@code DISABLE} once deleted). */
    public String operationStatus(Entity entity) {
        return !deleted(entity) && entity.state() == Switch.ENABLE ? "ENABLE" : "DISABLE";
    }

    /** TikTok's {@code secondary_status}, e.g. {@code ADGROUP_STATUS_CAMPAIGN_DISABLE}. */
    public String secondaryStatus(Entity entity) {
        String prefix = switch (entity.level()) {
            case CAMPAIGN -> "CAMPAIGN_STATUS_";
            case ADGROUP -> "ADGROUP_STATUS_";
            case AD -> "AD_STATUS_";
            case ADVERTISER -> throw new IllegalArgumentException("advertisers have no secondary status");
        };
        if (deleted(entity)) {
            return prefix + "DELETE";
        }
        if (entity.level() == EntityLevel.CAMPAIGN) {
            return prefix + entity.state().name();
        }
        if (entity.state() == Switch.DISABLE) {
            return prefix + "DISABLE";
        }
        if (entity.level() == EntityLevel.AD && find(entity.adGroupId()).map(Entity::state).orElse(Switch.ENABLE)
                == Switch.DISABLE) {
            return prefix + "ADGROUP_DISABLE";
        }
        if (find(entity.campaignId()).map(Entity::state).orElse(Switch.ENABLE) == Switch.DISABLE) {
            return prefix + "CAMPAIGN_DISABLE";
        }
        return prefix + "DELIVERY_OK";
    }
}
