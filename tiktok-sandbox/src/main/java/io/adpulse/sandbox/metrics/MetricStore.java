package io.adpulse.sandbox.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.adpulse.sandbox.catalog.Ad;
import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.Campaign;
import io.adpulse.sandbox.catalog.Catalog;
import io.adpulse.sandbox.config.SandboxProperties;

/**
 * The values of every (ad, hour) cell as seen at a given instant. An ad delivers from the first full hour after
 * its creation (but not before the history starts) until its campaign was disabled or deleted, and not beyond
 * now; the hour containing now is partial, its values scaled by the fraction of the hour elapsed (rounded down,
 * so they only ever grow). Overridden cells win over generated ones.
 */
@Component
public class MetricStore {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final long HOUR_MILLIS = HOUR.toMillis();

    /** One cell: an ad in the hour starting at {@code hourIndex} hours after the epoch. */
    private record CellKey(String adId, long hourIndex) {
    }

    /** Receives the cells of an iteration. */
    @FunctionalInterface
    public interface CellVisitor {
        void visit(Instant hour, long[] values);
    }

    private final Catalog catalog;
    private final DeliveryModel model;
    private final Clock clock;
    private final Map<CellKey, long[]> overrides = new ConcurrentHashMap<>();
    /** Campaign id → delivery multiplied by a factor from an instant on (a campaign set to overpace). */
    private final Map<String, Boost> boosts = new ConcurrentHashMap<>();

    /** Delivery of a campaign multiplied by {@code factor} in every hour starting at or after {@code from}. */
    record Boost(double factor, Instant from) {
    }

    MetricStore(Catalog catalog, SandboxProperties properties, Clock clock) {
        this.catalog = catalog;
        this.model = new DeliveryModel(properties.seed());
        this.clock = clock;
    }

    /** The sandbox's current instant; read it once per request so every figure in an answer agrees. */
    public Instant now() {
        return clock.instant();
    }

    /** Visits every delivery hour of the ad within [from, to), both on hour boundaries, as seen at {@code now}. */
    public void forEachHour(Ad ad, Instant from, Instant to, Instant now, CellVisitor visitor) {
        Instant start = later(from, deliveryStart(ad));
        Instant end = earlier(to, deliveryEnd(ad, now));
        for (Instant hour = start; hour.isBefore(end); hour = hour.plus(HOUR)) {
            visitor.visit(hour, cell(ad, hour, now));
        }
    }

    /** The values of one cell (indexed by {@link Metric#ordinal()}), assuming the hour is a delivery hour. */
    long[] cell(Ad ad, Instant hour, Instant now) {
        Advertiser advertiser = catalog.advertiserOf(ad);
        Campaign campaign = catalog.campaignOf(ad);
        long[] values = model.hour(advertiser, campaign, ad, hour);
        Boost boost = boosts.get(campaign.id());
        if (boost != null && !hour.isBefore(boost.from())) {
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.round(values[i] * boost.factor());
            }
        }
        long elapsed = Duration.between(hour, now).toMillis();
        if (elapsed < HOUR_MILLIS) {
            for (int i = 0; i < values.length; i++) {
                values[i] = values[i] * elapsed / HOUR_MILLIS;
            }
        }
        long[] overridden = overrides.get(new CellKey(ad.id(), hourIndex(hour)));
        if (overridden != null) {
            for (int i = 0; i < values.length; i++) {
                if (overridden[i] >= 0) {
                    values[i] = overridden[i];
                }
            }
        }
        return values;
    }

    /** Pins one metric of one cell to a value, replacing the generated one from now on. */
    void override(Ad ad, Instant hour, Metric metric, long value) {
        overrides.compute(new CellKey(ad.id(), hourIndex(hour)), (key, current) -> {
            long[] next = current == null ? emptyOverride() : current.clone();
            next[metric.ordinal()] = value;
            return next;
        });
    }

    /** Multiplies the campaign's delivery by {@code factor} from the hour containing {@code from} on. */
    void boost(String campaignId, double factor, Instant from) {
        boosts.put(campaignId, new Boost(factor, from.truncatedTo(ChronoUnit.HOURS)));
    }

    /** Ends every boost: delivery is the generated one again, for past hours too (TikTok restating). */
    void clearBoosts() {
        boosts.clear();
    }

    /** Drops every override: all cells are generated again. */
    void clearOverrides() {
        overrides.clear();
    }

    private Instant deliveryStart(Ad ad) {
        Instant created = ad.createTime().truncatedTo(ChronoUnit.HOURS);
        Instant firstFullHour = created.equals(ad.createTime()) ? created : created.plus(HOUR);
        return later(catalog.advertiserOf(ad).dataFrom(), firstFullHour);
    }

    private Instant deliveryEnd(Ad ad, Instant now) {
        Instant stopped = catalog.campaignOf(ad).deliveryEnd();
        return stopped == null ? now : earlier(stopped, now);
    }

    private static long[] emptyOverride() {
        long[] values = new long[Metric.COUNT];
        java.util.Arrays.fill(values, -1);
        return values;
    }

    private static long hourIndex(Instant hour) {
        return Math.floorDiv(hour.getEpochSecond(), 3600);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
