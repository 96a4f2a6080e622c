package io.adpulse.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Object mother for event contracts: one canonical sample per event type. The golden files under
 * {@code golden/} are these samples as structured CloudEvents JSON; producer and consumer tests in every
 * service read the same files through {@link Golden}.
 */
public final class EventSamples {

    public static final Instant T0 = Instant.parse("2026-11-20T09:30:00Z");

    private EventSamples() {
    }

    public static EventEnvelope<ConnectionGranted> connectionGranted() {
        var data = new ConnectionGranted("conn-7002238017842757633", ConnectionKind.ADVERTISER,
                "7002238017842757633", "Northwind Outdoor US",
                new SealedToken("transit-2026-11", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="),
                List.of("1", "2", "4"), "admin", T0);
        return EventEnvelope.of("/adpulse/auth-service", data.connectionId(), T0, data, data.connectionId(), "granted", T0);
    }

    public static EventEnvelope<ConnectionRevoked> connectionRevoked() {
        var data = new ConnectionRevoked("conn-7002238017842757633", "7002238017842757633", "DISCONNECTED_BY_OPERATOR",
                "admin", T0);
        return EventEnvelope.of("/adpulse/auth-service", data.connectionId(), T0, data, data.connectionId(), "revoked", T0);
    }

    public static EventEnvelope<ConnectionAttempted> connectionAttempted() {
        var data = new ConnectionAttempted("attempt-4f1c", ConnectionKind.CREATOR, "admin",
                ConnectionAttempted.Outcome.REFUSED, "reused-state", "This authorisation link was already used.",
                List.of(), T0);
        return EventEnvelope.of("/adpulse/auth-service", data.operator(), T0, data, data.attemptId());
    }

    public static EventEnvelope<WebhookReceived> webhookReceived() {
        var data = new WebhookReceived("9b2f0c1e5d7a4b3c", WebhookReceived.AUTHORIZATION_REMOVED, "sbxclientkey0001",
                "act.example000000000000000000000000000000", Instant.parse("2026-11-20T09:29:58Z"),
                Map.of("reason", "1"), T0);
        return EventEnvelope.of("/adpulse/ingest-service", data.userOpenId(), T0, data, data.deliveryId());
    }

    public static EventEnvelope<EntityObserved> entityObserved() {
        var data = new EntityObserved("conn-7002238017842757633", "7002238017842757633", EntityLevel.CAMPAIGN,
                "1800000000000000001", "7002238017842757633", "Winter Boots Prospecting", "ENABLE", false,
                Money.of("150.00", "USD"), "BUDGET_MODE_DAY", null, null,
                Map.of("objective_type", "TRAFFIC"), T0);
        return EventEnvelope.of("/adpulse/ingest-service", data.advertiserId(), T0, data, "CAMPAIGN", data.entityId(), T0);
    }

    public static EventEnvelope<MetricObserved> metricObserved() {
        Map<String, BigDecimal> metrics = new LinkedHashMap<>();
        metrics.put("spend", new BigDecimal("123.45"));
        metrics.put("impressions", new BigDecimal("45210"));
        metrics.put("clicks", new BigDecimal("612"));
        metrics.put("conversion", new BigDecimal("18"));
        metrics.put("total_purchase_value", new BigDecimal("540.20"));
        var data = new MetricObserved("conn-7002238017842757633", "7002238017842757633", EntityLevel.CAMPAIGN,
                "1800000000000000001", Granularity.DAY, LocalDate.parse("2026-11-19"), null,
                "America/Los_Angeles", "USD", metrics, List.of("reach"), T0);
        return EventEnvelope.of("/adpulse/ingest-service", data.advertiserId(), T0, data, data.naturalKey(), metrics);
    }

    public static EventEnvelope<OrganicVideoObserved> organicVideoObserved() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("view_count", 128_450L);
        counts.put("like_count", 9_120L);
        counts.put("comment_count", 311L);
        var data = new OrganicVideoObserved("creator-5b0c6f1e", "act.example000000000000000000000000000000",
                "7311985522145873157", Instant.parse("2026-11-18T17:04:11Z"), "Trail run in fresh snow",
                "First snow on the ridge #trailrunning", "https://www.tiktok.com/@northwind/video/7311985522145873157",
                34, counts, List.of("share_count"), T0);
        return EventEnvelope.of("/adpulse/ingest-service", data.connectionId(), T0, data, data.videoId(), counts);
    }

    public static EventEnvelope<ApiErrorOccurred> apiErrorOccurred() {
        var data = new ApiErrorOccurred("conn-7002238017842757633", "7002238017842757633", "/report/integrated/get/",
                40100, "Too many requests.", 200, true, "2026112009300001", T0);
        return EventEnvelope.of("/adpulse/ingest-service", data.connectionId(), T0, data, data.requestId());
    }

    public static EventEnvelope<AlertFired> alertFired() {
        var data = new AlertFired("f3c1d2e4a5b6c7d8", "daily-budget-pacing", "warning",
                Map.of("advertiser_id", "7002238017842757633", "campaign_id", "1800000000000000001"),
                "Campaign Winter Boots Prospecting has spent 142.10 USD of a 150.00 USD daily budget by 09:00 America/Los_Angeles (expected 56.25)",
                T0);
        return EventEnvelope.of("/adpulse/alerting-service", data.fingerprint(), T0, data, data.fingerprint(), data.startsAt());
    }

    public static EventEnvelope<AlertResolved> alertResolved() {
        var data = new AlertResolved("f3c1d2e4a5b6c7d8", "daily-budget-pacing",
                Map.of("advertiser_id", "7002238017842757633", "campaign_id", "1800000000000000001"),
                "Spend is back within the pacing band", T0);
        return EventEnvelope.of("/adpulse/alerting-service", data.fingerprint(), T0, data, data.fingerprint(), data.resolvedAt());
    }

    public static EventEnvelope<ReportGenerated> reportGenerated() {
        var data = new ReportGenerated("weekly-acme-2026-W46", "WEEKLY", "acme", null, LocalDate.parse("2026-11-09"),
                LocalDate.parse("2026-11-15"), List.of("html", "csv"), "schedule", T0);
        return EventEnvelope.of("/adpulse/reporting-service", data.clientId(), T0, data, data.reportId(),
                data.generatedAt());
    }

    public static EventEnvelope<AccessRecorded> accessRecorded() {
        var data = new AccessRecorded("c0ffee00-0000-4000-8000-000000000001", "admin", List.of("ADMIN"), "GET",
                "/api/reporting/spend", "reporting", AccessRecorded.Decision.ALLOWED, "authenticated", 200,
                "127.0.0.1", T0);
        return EventEnvelope.of("/adpulse/gateway", data.actor(), T0, data, data.correlationId());
    }

    public static EventEnvelope<PrivacyRequested> privacyRequested() {
        var data = new PrivacyRequested("erasure-5b0c6f1e", "conn-7002238017842757633", ConnectionKind.ADVERTISER,
                List.of("7002238017842757633"), null, PrivacyRequested.Kind.ERASURE, "admin", T0,
                PrivacyRequested.Reason.EXPLICIT);
        return EventEnvelope.of("/adpulse/auth-service", data.connectionId(), T0, data, data.requestId());
    }

    public static EventEnvelope<PrivacyCompleted> privacyCompleted() {
        Map<String, Long> deleted = new LinkedHashMap<>();
        deleted.put("metric_daily", 42L);
        deleted.put("entity", 7L);
        var data = new PrivacyCompleted("erasure-5b0c6f1e", "reporting-service", "conn-7002238017842757633", deleted,
                T0);
        return EventEnvelope.of("/adpulse/reporting-service", data.connectionId(), T0, data, data.requestId(),
                data.service());
    }

    public static EventEnvelope<AuditCheckpointed> auditCheckpointed() {
        var data = new AuditCheckpointed(1200, "9f2c" + "0".repeat(56) + "a1b2", 200, T0, 1000,
                "4e1d" + "0".repeat(56) + "c3d4", "7a5b" + "0".repeat(56) + "e5f6");
        return EventEnvelope.of("/adpulse/audit-service", "audit-chain", T0, data, "checkpoint",
                Long.toString(data.sequence()));
    }

    public static EventEnvelope<CommandRequested> commandRequested() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("campaignId", "1800000000000000001");
        parameters.put("budget", "250.00");
        var data = new CommandRequested("cmd-2f0c7a91-budget", "campaign.update", "conn-7002238017842757633",
                "7002238017842757633", "olivia", false, parameters,
                "5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592", T0);
        return EventEnvelope.of("/adpulse/gateway", data.connectionId(), T0, data, data.commandId(),
                data.fingerprint());
    }

    public static EventEnvelope<CommandResult> commandResult() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("budget", "150.50");
        before.put("budgetMode", "BUDGET_MODE_DAY");
        before.put("status", "ENABLE");
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("budget", "250.00");
        var request = new CommandResult.TikTokRequest("POST",
                "https://business-api.tiktok.com/open_api/v1.3/campaign/update/",
                "{\"advertiser_id\":\"7002238017842757633\",\"campaign_id\":\"1800000000000000001\",\"budget\":250.00}");
        var data = new CommandResult("cmd-2f0c7a91-budget", "campaign.update", "conn-7002238017842757633",
                "7002238017842757633", "olivia", false, CommandResult.Outcome.SUCCEEDED, null, null, request, before,
                after, "1800000000000000001", 0, "OK", "20261120093000ABCDEF0123456789", T0);
        return EventEnvelope.of("/adpulse/ingest-service", data.connectionId(), T0, data, data.commandId(),
                data.outcome(), data.progress());
    }

    /** Every sample, by type, in declaration order of {@link EventType}. */
    public static Map<EventType, EventEnvelope<?>> all() {
        Map<EventType, EventEnvelope<?>> all = new LinkedHashMap<>();
        for (EventEnvelope<?> e : List.of(connectionGranted(), connectionRevoked(), connectionAttempted(),
                webhookReceived(), entityObserved(), metricObserved(), organicVideoObserved(), apiErrorOccurred(),
                alertFired(), alertResolved(), reportGenerated(), accessRecorded(), privacyRequested(),
                privacyCompleted(), auditCheckpointed(), commandRequested(), commandResult())) {
            all.put(e.type(), e);
        }
        return all;
    }
}
