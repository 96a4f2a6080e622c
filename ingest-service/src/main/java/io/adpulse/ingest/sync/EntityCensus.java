package io.adpulse.ingest.sync;

import io.adpulse.events.EntityLevel;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many entities of each level (deleted ones included) this sync's single entity fetch found. The
 * report streams use it instead of asking TikTok again: a level without any entity has no report rows,
 * so its report is not requested. The advertiser always exists.
 */
final class EntityCensus {

    private final Map<EntityLevel, AtomicLong> counts = new EnumMap<>(EntityLevel.class);

    EntityCensus() {
        for (EntityLevel level : EntityLevel.values()) {
            counts.put(level, new AtomicLong());
        }
        counts.get(EntityLevel.ADVERTISER).set(1);
    }

    void counted(EntityLevel level) {
        counts.get(level).incrementAndGet();
    }

    long count(EntityLevel level) {
        return counts.get(level).get();
    }

    boolean has(EntityLevel level) {
        return count(level) > 0;
    }
}
