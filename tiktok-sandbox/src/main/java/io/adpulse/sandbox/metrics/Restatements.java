package io.adpulse.sandbox.metrics;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

import io.adpulse.sandbox.catalog.Ad;
import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.Catalog;

/**
 * Sets the total of a metric for one entity on one local day, the way TikTok restates figures after the fact
 * (late conversions, invalid-traffic refunds). The new total is spread over the entity's delivery cells of that
 * day in proportion to their current values (evenly when they are all zero), with largest-remainder rounding, so
 * that every level above and below still sums exactly. Hours of today that have not happened yet keep accruing
 * on top of the override.
 */
@Component
public class Restatements {

    private record Cell(Ad ad, Instant hour, long value) {
    }

    private final Catalog catalog;
    private final MetricStore store;

    Restatements(Catalog catalog, MetricStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /**
     * Restates the entity's day totals.
     *
     * @param entityId an advertiser, campaign, ad group or ad id
     * @param date     local date in the advertiser's display time zone
     * @param totals   the new totals, in minor units for money
     * @throws IllegalArgumentException for an unknown entity, a metric the entity does not have, or a day
     *                                  without delivery
     */
    public synchronized void restate(String entityId, LocalDate date, Map<Metric, Long> totals) {
        Advertiser advertiser = catalog.ownerOf(entityId)
                .orElseThrow(() -> new IllegalArgumentException("unknown entity " + entityId));
        Map<Metric, List<Cell>> plan = new EnumMap<>(Metric.class);
        Instant now = store.now();
        totals.forEach((metric, total) -> {
            if (total < 0) {
                throw new IllegalArgumentException(metric.apiName() + " must not be negative");
            }
            plan.put(metric, cells(advertiser.zone(), entityId, date, metric, now));
        });
        plan.forEach((metric, cells) -> {
            long[] shares = distribute(cells.stream().mapToLong(Cell::value).toArray(), totals.get(metric));
            for (int i = 0; i < shares.length; i++) {
                store.override(cells.get(i).ad(), cells.get(i).hour(), metric, shares[i]);
            }
        });
    }

    /** Undoes every restatement: all figures are the generated ones again. */
    public synchronized void clear() {
        store.clearOverrides();
    }

    private List<Cell> cells(ZoneId zone, String entityId, LocalDate date, Metric metric, Instant now) {
        List<Ad> ads = catalog.adsUnder(entityId).stream()
                .filter(ad -> metric.availableFor(catalog.campaignOf(ad).objective()))
                .toList();
        if (ads.isEmpty()) {
            throw new IllegalArgumentException("entity " + entityId + " has no " + metric.apiName()
                    + " (its campaign objective does not report it)");
        }
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Cell> cells = new ArrayList<>();
        for (Ad ad : ads) {
            store.forEachHour(ad, from, to, now, (hour, values) -> cells.add(new Cell(ad, hour, values[metric.ordinal()])));
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("entity " + entityId + " has no delivery on " + date);
        }
        return cells;
    }

    /**
     * Splits {@code total} into parts proportional to {@code weights} (evenly if they sum to zero) whose sum is
     * exactly {@code total}: floors first, then one unit each to the largest remainders, earlier cells first on
     * ties.
     */
    static long[] distribute(long[] weights, long total) {
        int n = weights.length;
        long[] parts = new long[n];
        BigInteger sum = BigInteger.valueOf(java.util.Arrays.stream(weights).sum());
        BigInteger[] remainders = new BigInteger[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            if (sum.signum() == 0) {
                parts[i] = total / n;
                remainders[i] = BigInteger.valueOf(i < total % n ? 1 : 0);
            } else {
                BigInteger[] division = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
                parts[i] = division[0].longValueExact();
                remainders[i] = division[1];
            }
            assigned += parts[i];
        }
        long left = total - assigned;
        int[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray();
        for (int k = 0; k < left; k++) {
            parts[order[k]]++;
        }
        return parts;
    }
}
