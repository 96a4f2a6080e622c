package io.adpulse.sandbox.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.adpulse.sandbox.catalog.Ad;
import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.Campaign;
import io.adpulse.sandbox.catalog.Catalog;
import io.adpulse.sandbox.catalog.Draws;
import io.adpulse.sandbox.catalog.EntityLevel;
import io.adpulse.sandbox.catalog.Objective;
import io.adpulse.sandbox.config.SandboxProperties;
import io.adpulse.sandbox.metrics.Metric;
import io.adpulse.sandbox.metrics.MetricStore;

/**
 * Builds report rows by summing (ad, hour) cells into (entity at the requested level, local day or hour) groups.
 * Because every row at every level and granularity is a sum of the same cells, an advertiser row equals the sum
 * of its campaign rows, and a day row the sum of its hour rows, to the cent. Groups without any delivery are left
 * out, as TikTok leaves them out. Reach is not a sum: each daily or total row gets its own hashed share (55-90%)
 * of its impressions.
 */
@Component
class ReportEngine {

    private static final DateTimeFormatter HOUR_LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00:00");

    private record Key(String entityId, String time) {
    }

    private final Catalog catalog;
    private final MetricStore store;
    private final long seed;

    ReportEngine(Catalog catalog, MetricStore store, SandboxProperties properties) {
        this.catalog = catalog;
        this.store = store;
        this.seed = properties.seed();
    }

    /**
     * All rows of the query as seen at {@code now}, ordered by time, then advertiser (in request order), then entity
     * id. Dates and hours are each advertiser's local ones, or UTC ones when the query asks for UTC.
     */
    List<ReportRow> rows(ReportQuery query, Instant now) {
        List<ReportRow> rows = new ArrayList<>();
        for (Advertiser advertiser : query.advertisers()) {
            rows.addAll(rows(query, advertiser, query.utc() ? ZoneOffset.UTC : advertiser.zone(), now));
        }
        Map<String, Integer> order = new HashMap<>();
        query.advertisers().forEach(advertiser -> order.putIfAbsent(advertiser.id(), order.size()));
        return rows.stream()
                .sorted(Comparator.comparing(ReportRow::time, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(row -> order.get(row.advertiser().id()))
                        .thenComparing(ReportRow::entityId))
                .toList();
    }

    private List<ReportRow> rows(ReportQuery query, Advertiser advertiser, ZoneId zone, Instant now) {
        Instant from = query.lifetime() ? advertiser.dataFrom() : query.start().atStartOfDay(zone).toInstant();
        Instant to = query.lifetime() ? now : query.end().plusDays(1).atStartOfDay(zone).toInstant();
        Set<Metric> advertiserMetrics = available(advertiser.campaigns().stream().map(Campaign::objective).toList());
        Map<Key, long[]> sums = new HashMap<>();
        Map<Key, Set<Metric>> availability = new HashMap<>();
        for (Ad ad : catalog.ads(advertiser)) {
            if (!matches(ad, query.filters())) {
                continue;
            }
            String entityId = query.level().idOf(ad);
            Set<Metric> available = query.level() == EntityLevel.ADVERTISER
                    ? advertiserMetrics : available(List.of(catalog.campaignOf(ad).objective()));
            store.forEachHour(ad, from, to, now, (hour, values) -> {
                if (Arrays.stream(values).allMatch(value -> value == 0)) {
                    return;
                }
                Key key = new Key(entityId, label(hour, zone, query.granularity()));
                long[] group = sums.computeIfAbsent(key, k -> new long[Metric.COUNT]);
                for (int i = 0; i < values.length; i++) {
                    group[i] += values[i];
                }
                availability.putIfAbsent(key, available);
            });
        }
        return sums.entrySet().stream()
                .map(entry -> new ReportRow(advertiser, entry.getKey().entityId(), entry.getKey().time(),
                        entry.getValue(), availability.get(entry.getKey()),
                        reach(entry.getKey(), entry.getValue(), query.granularity())))
                .toList();
    }

    /**
     * The sum of all rows, for {@code total_metrics}; reach is not additive and is left out. A metric is in the total
     * when some row has it (with no rows at all, when the advertiser has it).
     */
    static ReportRow total(List<ReportRow> rows, Advertiser advertiser) {
        long[] sums = new long[Metric.COUNT];
        Set<Metric> available = rows.isEmpty()
                ? available(advertiser.campaigns().stream().map(Campaign::objective).toList())
                : EnumSet.noneOf(Metric.class);
        rows.forEach(row -> {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += row.sums()[i];
            }
            available.addAll(row.available());
        });
        return new ReportRow(advertiser, advertiser.id(), null, sums, available, null);
    }

    private static boolean matches(Ad ad, Map<EntityLevel, Set<String>> filters) {
        return filters.entrySet().stream().allMatch(filter -> filter.getValue().contains(filter.getKey().idOf(ad)));
    }

    private static Set<Metric> available(List<Objective> objectives) {
        Set<Metric> metrics = EnumSet.noneOf(Metric.class);
        for (Metric metric : Metric.values()) {
            if (objectives.stream().anyMatch(metric::availableFor)) {
                metrics.add(metric);
            }
        }
        return metrics;
    }

    private static String label(Instant hour, ZoneId zone, Granularity granularity) {
        return switch (granularity) {
            case DAY -> hour.atZone(zone).toLocalDate() + " 00:00:00";
            case HOUR -> HOUR_LABEL.format(hour.atZone(zone));
            case TOTAL -> null;
        };
    }

    private Long reach(Key key, long[] sums, Granularity granularity) {
        if (granularity == Granularity.HOUR) {
            return null;
        }
        double share = 0.55 + 0.35 * Draws.unit(seed, "reach|" + key.entityId(), String.valueOf(key.time()).hashCode());
        return (long) Math.floor(sums[Metric.IMPRESSIONS.ordinal()] * share);
    }
}
