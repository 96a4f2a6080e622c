package io.adpulse.sandbox.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * What TikTok's write endpoints changed since the seed: per entity a new name, budget or status switch, and the
 * campaigns, ad groups and ads created through the API. The seeded {@link Catalog} stays as it is (metrics keep
 * following the seeded plan); the entity endpoints list the catalogue with these edits applied, so a client's next
 * poll sees the change. Thread-safe.
 */
public final class CatalogEdits {

    /** An entity's switch as TikTok stores it. */
    public enum Switch {
        ENABLE, DISABLE, DELETE
    }

    /** The changes made to one entity; null fields are unchanged. */
    public record Edit(String name, BigDecimal budget, Switch state, Instant modifyTime) {

        Edit merge(Edit later) {
            return new Edit(later.name != null ? later.name : name, later.budget != null ? later.budget : budget,
                    later.state != null ? later.state : state, later.modifyTime != null ? later.modifyTime : modifyTime);
        }
    }

    /**
     * An entity created through the API: its level, ids (its own and its parents'), objective, budget, the fields it
     * was created with (TikTok's names) and when.
     */
    public record Created(EntityLevel level, String id, String advertiserId, String campaignId, String adGroupId,
                          String name, Objective objective, BudgetMode budgetMode, BigDecimal budget,
                          Map<String, Object> fields, Instant createTime) {
    }

    private final Map<String, Edit> edits = new ConcurrentHashMap<>();
    private final Map<String, Created> created = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicLong ids = new AtomicLong(7_390_000_000_000_000_000L);

    /** The changes made to the entity with this id, if any. */
    public Optional<Edit> edit(String id) {
        return Optional.ofNullable(edits.get(id));
    }

    /** Records a change (merged with earlier ones). */
    public void change(String id, Edit change) {
        edits.merge(id, change, Edit::merge);
    }

    /** Changes several entities at once, all or nothing for readers (one lock). */
    public synchronized void changeAll(List<String> ids, UnaryOperator<Edit> change) {
        for (String id : ids) {
            change(id, change.apply(edits.getOrDefault(id, new Edit(null, null, null, null))));
        }
    }

    /** A new 19-digit id, beyond every seeded one. */
    public String nextId() {
        return Long.toString(ids.incrementAndGet());
    }

    public void create(Created entity) {
        created.put(entity.id(), entity);
    }

    public Optional<Created> created(String id) {
        return Optional.ofNullable(created.get(id));
    }

    /** The created entities of one advertiser at one level, oldest first. */
    public List<Created> created(String advertiserId, EntityLevel level) {
        synchronized (created) {
            List<Created> list = new ArrayList<>();
            for (Created c : created.values()) {
                if (c.advertiserId().equals(advertiserId) && c.level() == level) {
                    list.add(c);
                }
            }
            return list;
        }
    }
}
