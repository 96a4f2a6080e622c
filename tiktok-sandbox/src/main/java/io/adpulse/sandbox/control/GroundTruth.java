package io.adpulse.sandbox.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.adpulse.sandbox.catalog.Ad;
import io.adpulse.sandbox.catalog.AdGroup;
import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.Campaign;
import io.adpulse.sandbox.catalog.Catalog;
import io.adpulse.sandbox.catalog.EntityLevel;
import io.adpulse.sandbox.metrics.Metric;
import io.adpulse.sandbox.metrics.MetricStore;

/**
 * The true figures per entity and local day or hour, summed straight from the (ad, hour) cells of the
 * {@link MetricStore} without going through the report engine, so that tests can check both the report API and
 * Adpulse against them. Buckets without any delivery are left out, as the report leaves them out; deleted and
 * disabled entities are included for the time they delivered.
 */
@Component
class GroundTruth {

    private final Catalog catalog;
    private final MetricStore store;

    GroundTruth(Catalog catalog, MetricStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** Rows of every entity of the advertiser at the level, within [start, end] local dates, as seen at {@code now}. */
    List<TruthRow> rows(Advertiser advertiser, EntityLevel level, LocalDate start, LocalDate end, Grain grain,
                        Instant now) {
        return rows(advertiser, level, entityIds(advertiser, level), start, end, grain, now);
    }

    /** Rows of one entity (any level) within [start, end]. */
    List<TruthRow> entity(String entityId, LocalDate start, LocalDate end, Grain grain, Instant now) {
        Advertiser advertiser = catalog.ownerOf(entityId).orElseThrow();
        EntityLevel level = catalog.levelOf(entityId).orElseThrow();
        return rows(advertiser, level, List.of(entityId), start, end, grain, now);
    }

    private List<TruthRow> rows(Advertiser advertiser, EntityLevel level, List<String> entityIds, LocalDate start,
                                LocalDate end, Grain grain, Instant now) {
        ZoneId zone = advertiser.zone();
        Instant from = start.atStartOfDay(zone).toInstant();
        Instant to = end.plusDays(1).atStartOfDay(zone).toInstant();
        List<TruthRow> rows = new ArrayList<>();
        for (String entityId : entityIds) {
            List<Ad> ads = catalog.adsUnder(entityId);
            Map<String, long[]> buckets = new TreeMap<>();
            Set<String> delivered = new HashSet<>();
            for (Ad ad : ads) {
                store.forEachHour(ad, from, to, now, (hour, values) -> {
                    String label = grain.label(hour, zone);
                    long[] sums = buckets.computeIfAbsent(label, key -> new long[Metric.COUNT]);
                    for (int i = 0; i < values.length; i++) {
                        sums[i] += values[i];
                        if (values[i] != 0) {
                            delivered.add(label);
                        }
                    }
                });
            }
            Map<String, String> ids = ids(level, ads.get(0));
            boolean[] available = availability(ads);
            buckets.forEach((label, sums) -> {
                if (delivered.contains(label)) {
                    rows.add(new TruthRow(ids, label, grain == Grain.HOUR, sums, available));
                }
            });
        }
        rows.sort(Comparator.comparing(TruthRow::label).thenComparing(row -> String.join("/", row.ids().values())));
        return rows;
    }

    private List<String> entityIds(Advertiser advertiser, EntityLevel level) {
        return switch (level) {
            case ADVERTISER -> List.of(advertiser.id());
            case CAMPAIGN -> catalog.campaigns(advertiser).stream().map(Campaign::id).toList();
            case ADGROUP -> catalog.adGroups(advertiser).stream().map(AdGroup::id).toList();
            case AD -> catalog.ads(advertiser).stream().map(Ad::id).toList();
        };
    }

    /** The entity's id and its parents', top down, e.g. advertiser_id, campaign_id, adgroup_id for an ad group. */
    private static Map<String, String> ids(EntityLevel level, Ad anyAdBelow) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (EntityLevel above : EntityLevel.values()) {
            if (above.ordinal() <= level.ordinal()) {
                ids.put(above.idDimension(), above.idOf(anyAdBelow));
            }
        }
        return ids;
    }

    /** A metric exists for an entity when at least one campaign objective below it reports the metric. */
    private boolean[] availability(List<Ad> ads) {
        boolean[] available = new boolean[Metric.COUNT];
        for (Metric metric : Metric.values()) {
            available[metric.ordinal()] = ads.stream()
                    .anyMatch(ad -> metric.availableFor(catalog.campaignOf(ad).objective()));
        }
        return available;
    }
}
