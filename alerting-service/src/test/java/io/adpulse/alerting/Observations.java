package io.adpulse.alerting;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Granularity;
import io.adpulse.events.MetricObserved;
import io.adpulse.events.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Object mother for what ingest-service publishes, encoded as the CloudEvents alerting-service consumes. */
public final class Observations {

    public static final String TIME_ZONE = "America/Los_Angeles";
    private static final String SOURCE = "/adpulse/ingest-service";
    private static final EventCodec CODEC = new EventCodec();

    private Observations() {
    }

    public static byte[] advertiser(String advertiserId, Instant observedAt) {
        var data = new EntityObserved("conn-" + advertiserId, advertiserId, EntityLevel.ADVERTISER, advertiserId, null,
                "Northwind Outdoor US", "STATUS_ENABLE", false, null, null, TIME_ZONE, "USD", Map.of(), observedAt);
        return encode(EventEnvelope.of(SOURCE, advertiserId, observedAt, data, "ADVERTISER", advertiserId, observedAt));
    }

    public static byte[] dailyBudgetCampaign(String advertiserId, String campaignId, String budget, Instant observedAt) {
        return dailyBudgetCampaign(advertiserId, campaignId, budget, false, observedAt);
    }

    public static byte[] dailyBudgetCampaign(String advertiserId, String campaignId, String budget, boolean deleted,
            Instant observedAt) {
        var data = new EntityObserved("conn-" + advertiserId, advertiserId, EntityLevel.CAMPAIGN, campaignId,
                advertiserId, "Winter Boots Prospecting", deleted ? "DELETE" : "ENABLE", deleted, Money.of(budget, "USD"),
                "BUDGET_MODE_DAY",
                null, null, Map.of("objective_type", "TRAFFIC"), observedAt);
        return encode(EventEnvelope.of(SOURCE, advertiserId, observedAt, data, "CAMPAIGN", campaignId, observedAt));
    }

    public static byte[] dailySpend(String advertiserId, String campaignId, LocalDate date, String spend,
            Instant observedAt) {
        var data = new MetricObserved("conn-" + advertiserId, advertiserId, EntityLevel.CAMPAIGN, campaignId,
                Granularity.DAY, date, null, TIME_ZONE, "USD",
                Map.of("spend", new BigDecimal(spend), "impressions", new BigDecimal("45210")), List.of(), observedAt);
        return encode(EventEnvelope.of(SOURCE, advertiserId, observedAt, data, data.naturalKey(), observedAt));
    }

    /** A day's spend with the purchase value TikTok reports as {@code total_purchase_value}. */
    public static byte[] dailySpendAndValue(String advertiserId, String campaignId, LocalDate date, String spend,
            String purchaseValue, Instant observedAt) {
        var data = new MetricObserved("conn-" + advertiserId, advertiserId, EntityLevel.CAMPAIGN, campaignId,
                Granularity.DAY, date, null, TIME_ZONE, "USD",
                Map.of("spend", new BigDecimal(spend), "total_purchase_value", new BigDecimal(purchaseValue)), List.of(),
                observedAt);
        return encode(EventEnvelope.of(SOURCE, advertiserId, observedAt, data, data.naturalKey(), observedAt));
    }

    private static byte[] encode(EventEnvelope<?> event) {
        return CODEC.encode(event);
    }
}
