package io.adpulse.alerting;

import io.adpulse.events.ApiErrorOccurred;
import io.adpulse.events.ConnectionGranted;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.ConnectionRevoked;
import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Granularity;
import io.adpulse.events.MetricObserved;
import io.adpulse.events.Money;
import io.adpulse.events.SealedToken;
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

    /** A day's spend with the number of conversions TikTok reports as {@code conversion}. */
    public static byte[] dailySpendAndConversions(String advertiserId, String campaignId, LocalDate date, String spend,
            String conversions, Instant observedAt) {
        var data = new MetricObserved("conn-" + advertiserId, advertiserId, EntityLevel.CAMPAIGN, campaignId,
                Granularity.DAY, date, null, TIME_ZONE, "USD",
                Map.of("spend", new BigDecimal(spend), "conversion", new BigDecimal(conversions)), List.of(), observedAt);
        return encode(EventEnvelope.of(SOURCE, advertiserId, observedAt, data, data.naturalKey(), observedAt));
    }

    /** A campaign's report of one local hour ({@code stat_time_hour}). */
    public static byte[] hourlySpend(String advertiserId, String campaignId, LocalDate date, int hour, String spend,
            String impressions, Instant observedAt) {
        var data = new MetricObserved("conn-" + advertiserId, advertiserId, EntityLevel.CAMPAIGN, campaignId,
                Granularity.HOUR, date, hour, TIME_ZONE, "USD",
                Map.of("spend", new BigDecimal(spend), "impressions", new BigDecimal(impressions)), List.of(), observedAt);
        return encode(EventEnvelope.of(SOURCE, advertiserId, observedAt, data, data.naturalKey(), observedAt));
    }

    /** A campaign with a lifetime budget: TikTok's {@code BUDGET_MODE_TOTAL}; its flight is its ad groups'. */
    public static byte[] lifetimeBudgetCampaign(String advertiserId, String campaignId, String budget,
            Instant observedAt) {
        var data = new EntityObserved("conn-" + advertiserId, advertiserId, EntityLevel.CAMPAIGN, campaignId,
                advertiserId, "Seasonal sale", "ENABLE", false, Money.of(budget, "USD"), "BUDGET_MODE_TOTAL",
                null, null, Map.of("objective_type", "TRAFFIC"), observedAt);
        return encode(EventEnvelope.of(SOURCE, advertiserId, observedAt, data, "CAMPAIGN", campaignId, observedAt));
    }

    /**
     * An ad group as ingest-service publishes it, with TikTok's schedule attributes ("2026-11-15 08:00:00", UTC) and
     * the given budget mode.
     */
    public static byte[] adgroup(String advertiserId, String campaignId, String adgroupId, String budget,
            String budgetMode, String scheduleStart, String scheduleEnd, Instant observedAt) {
        Map<String, String> attributes = new java.util.TreeMap<>();
        attributes.put("schedule_type", scheduleEnd == null ? "SCHEDULE_FROM_NOW" : "SCHEDULE_START_END");
        attributes.put("schedule_start_time", scheduleStart);
        if (scheduleEnd != null) {
            attributes.put("schedule_end_time", scheduleEnd);
        }
        var data = new EntityObserved("conn-" + advertiserId, advertiserId, EntityLevel.ADGROUP, adgroupId, campaignId,
                "Spring Sale Retargeting", "ENABLE", false, budget == null ? null : Money.of(budget, "USD"),
                budgetMode, null, null, attributes, observedAt);
        return encode(EventEnvelope.of(SOURCE, advertiserId, observedAt, data, "ADGROUP", adgroupId, observedAt));
    }

    public static byte[] adgroupDailySpend(String advertiserId, String adgroupId, LocalDate date, String spend,
            Instant observedAt) {
        var data = new MetricObserved("conn-" + advertiserId, advertiserId, EntityLevel.ADGROUP, adgroupId,
                Granularity.DAY, date, null, TIME_ZONE, "USD",
                Map.of("spend", new BigDecimal(spend), "impressions", new BigDecimal("12000")), List.of(), observedAt);
        return encode(EventEnvelope.of(SOURCE, advertiserId, observedAt, data, data.naturalKey(), observedAt));
    }

    /** A grant as auth-service publishes it on {@code tiktok.connections.v1}; {@code expiresAt} may be null. */
    public static byte[] granted(String connectionId, String advertiserId, Instant grantedAt, Instant expiresAt) {
        var data = new ConnectionGranted(connectionId, ConnectionKind.ADVERTISER, advertiserId, "Northwind Outdoor US",
                new SealedToken("transit-test", "c2VhbGVkLXRva2VuLW5vdC1yZWFk"), List.of("1", "2"), "admin", grantedAt,
                expiresAt);
        return encode(EventEnvelope.of("/adpulse/auth-service", connectionId, grantedAt, data, connectionId, "granted",
                grantedAt));
    }

    public static byte[] revoked(String connectionId, String advertiserId, String reason, Instant revokedAt) {
        var data = new ConnectionRevoked(connectionId, advertiserId, reason, "system", revokedAt);
        return encode(EventEnvelope.of("/adpulse/auth-service", connectionId, revokedAt, data, connectionId, "revoked",
                revokedAt));
    }

    /** A failed TikTok call as ingest-service publishes it on {@code tiktok.api-errors.v1}. */
    public static byte[] apiError(String connectionId, String advertiserId, String endpoint, String requestId,
            Instant occurredAt) {
        var data = new ApiErrorOccurred(connectionId, advertiserId, endpoint, 50002, "Internal error.", 500, true,
                requestId, occurredAt);
        return encode(EventEnvelope.of("/adpulse/ingest-service", connectionId, occurredAt, data, requestId));
    }

    /** A call ingest-service declined because the endpoint's circuit breaker was open ({@code part}: a unique id). */
    public static byte[] circuitRejection(String connectionId, String advertiserId, String endpoint, String part,
            Instant occurredAt) {
        var data = new ApiErrorOccurred(connectionId, advertiserId, endpoint, 0, "circuit breaker for " + endpoint
                + " is open", 0, true, null, occurredAt, ApiErrorOccurred.CIRCUIT_BREAKER);
        return encode(EventEnvelope.of("/adpulse/ingest-service", connectionId, occurredAt, data, endpoint, part));
    }

    private static byte[] encode(EventEnvelope<?> event) {
        return CODEC.encode(event);
    }
}
