package io.adpulse.sandbox.metrics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;

import io.adpulse.sandbox.catalog.Ad;
import io.adpulse.sandbox.catalog.Advertiser;
import io.adpulse.sandbox.catalog.Campaign;
import io.adpulse.sandbox.catalog.Draws;

/**
 * The natural (not overridden) delivery of one ad in one full hour. Spend follows the campaign's daily target,
 * the ad's share of it, a per-campaign factor for each local day (0.7-1.3, so a daily budget set a little above
 * the target is sometimes overspent), a busier weekend, an evening-heavy daily curve in the advertiser's time zone
 * and per-hour noise. The other metrics follow spend through per-ad rates (CPM, CTR, conversion rate, order
 * value). Fractions are rounded stochastically with a hashed draw, so small hours still produce the odd click.
 */
final class DeliveryModel {

    private static final double[] DIURNAL = {0.9, 0.6, 0.4, 0.3, 0.25, 0.3, 0.5, 0.8, 1.0, 1.1, 1.2, 1.25,
            1.3, 1.25, 1.2, 1.2, 1.3, 1.45, 1.6, 1.75, 1.8, 1.7, 1.45, 1.15};
    private static final double DIURNAL_TOTAL = java.util.Arrays.stream(DIURNAL).sum();
    /** Rough price level of a currency against USD, so CPMs and order values look local. */
    private static final Map<String, Double> PRICE_LEVEL = Map.of("USD", 1.0, "GBP", 0.8, "JPY", 150.0);

    private final long seed;

    DeliveryModel(long seed) {
        this.seed = seed;
    }

    /** Values of {@link Metric}, indexed by ordinal, for the full hour starting at {@code hour}. */
    long[] hour(Advertiser advertiser, Campaign campaign, Ad ad, Instant hour) {
        double price = PRICE_LEVEL.getOrDefault(advertiser.currency().getCurrencyCode(), 1.0)
                * Math.pow(10, advertiser.decimals());
        Draws rates = Draws.of(seed, ad.id(), -1);
        double cpm = rates.between(4, 9) * price;
        double ctr = rates.between(0.006, 0.02);
        double conversionRate = rates.between(0.02, 0.08);
        double orderValue = rates.between(30, 120) * price;
        double playRate = rates.between(0.25, 0.45);
        double likeRate = rates.between(0.02, 0.05);

        ZonedDateTime local = hour.atZone(advertiser.zone());
        double dayFactor = 0.7 + 0.6 * Draws.unit(seed, campaign.id(), local.toLocalDate().toEpochDay());
        DayOfWeek weekday = local.getDayOfWeek();
        double weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY ? 1.1 : 1.0;

        Draws d = Draws.of(seed, ad.id(), hour.getEpochSecond() / 3600);
        long[] v = new long[Metric.COUNT];
        v[Metric.SPEND.ordinal()] = round(campaign.dailyTargetMinor() * ad.share() * dayFactor * weekend
                * DIURNAL[local.getHour()] / DIURNAL_TOTAL * d.between(0.85, 1.15), d);
        v[Metric.IMPRESSIONS.ordinal()] = round(v[Metric.SPEND.ordinal()] * 1000 / (cpm * d.between(0.9, 1.1)), d);
        v[Metric.CLICKS.ordinal()] = round(v[Metric.IMPRESSIONS.ordinal()] * ctr * d.between(0.8, 1.2), d);
        long conversions = round(v[Metric.CLICKS.ordinal()] * conversionRate * d.between(0.7, 1.3), d);
        long payments = round(conversions * d.between(0.75, 0.95), d);
        long value = round(payments * orderValue * d.between(0.8, 1.2), d);
        v[Metric.CONVERSION.ordinal()] = Metric.CONVERSION.availableFor(campaign.objective()) ? conversions : 0;
        v[Metric.COMPLETE_PAYMENT.ordinal()] = Metric.COMPLETE_PAYMENT.availableFor(campaign.objective()) ? payments : 0;
        v[Metric.TOTAL_PURCHASE_VALUE.ordinal()] =
                Metric.TOTAL_PURCHASE_VALUE.availableFor(campaign.objective()) ? value : 0;
        v[Metric.VIDEO_PLAY_ACTIONS.ordinal()] = round(v[Metric.IMPRESSIONS.ordinal()] * playRate, d);
        v[Metric.LIKES.ordinal()] = round(v[Metric.VIDEO_PLAY_ACTIONS.ordinal()] * likeRate, d);
        v[Metric.COMMENTS.ordinal()] = round(v[Metric.LIKES.ordinal()] * d.between(0.03, 0.08), d);
        v[Metric.SHARES.ordinal()] = round(v[Metric.LIKES.ordinal()] * d.between(0.05, 0.12), d);
        return v;
    }

    /** Stochastic rounding: floor(x + u), u a hashed uniform draw; unbiased and deterministic. */
    private static long round(double x, Draws d) {
        return (long) Math.floor(x + d.next());
    }
}
