package io.adpulse.reporting;

import static io.adpulse.events.EntityLevel.CAMPAIGN;

import io.adpulse.events.EventType;
import io.adpulse.events.Golden;
import io.adpulse.events.Money;
import io.adpulse.events.Topics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

/** Events in on Kafka, report out over HTTP, through the real listeners, database and controllers. */
class CampaignDailyReportFlowTest extends ReportingServiceTest {

    private static final Instant T1 = Instant.parse("2025-03-03T06:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-04T06:00:00Z");
    private static final Instant T3 = Instant.parse("2025-03-05T06:00:00Z");
    private static final String ZONE = "America/New_York";

    @Test
    void reportsExactSumsAfterRedeliveryRestatementAndALateOlderObservation() {
        String advertiserId = TestIds.next();
        String spring = TestIds.next();
        String old = TestIds.next();
        kafka.publish(Observations.advertiser(advertiserId, "Northwind", ZONE, "USD", T1));
        kafka.publish(Observations.campaign(advertiserId, spring, "Spring Sale", false, Money.of("100.00", "USD"), T1));
        kafka.publish(Observations.campaign(advertiserId, old, "Old Promo", true, null, T1));

        var first = Observations.daily(CAMPAIGN, advertiserId, spring, "2025-03-01", ZONE, "USD", T1, List.of(),
                "spend", "10.00", "impressions", "1000", "clicks", "10", "conversion", "1", "total_purchase_value", "30.00");
        kafka.publish(first);
        kafka.publish(first);
        kafka.publish(Observations.daily(CAMPAIGN, advertiserId, spring, "2025-03-01", ZONE, "USD", T3, List.of(),
                "spend", "12.50", "impressions", "1200", "clicks", "12", "conversion", "2", "total_purchase_value", "50.00"));
        kafka.publish(Observations.daily(CAMPAIGN, advertiserId, spring, "2025-03-01", ZONE, "USD", T2, List.of(),
                "spend", "999.00", "impressions", "9", "clicks", "9", "conversion", "9", "total_purchase_value", "9"));
        kafka.publish(Observations.daily(CAMPAIGN, advertiserId, old, "2025-03-01", ZONE, "USD", T1,
                List.of("conversion", "total_purchase_value"), "spend", "5.00", "impressions", "300", "clicks", "0"));
        kafka.publish(Observations.daily(CAMPAIGN, advertiserId, spring, "2025-03-02", ZONE, "USD", T1, List.of(),
                "spend", "7.50", "impressions", "0", "clicks", "0", "conversion", "0", "total_purchase_value", "0"));
        kafka.awaitConsumed(Topics.ENTITIES);
        kafka.awaitConsumed(Topics.METRICS);

        web.get().uri("/api/reporting/campaigns/daily?advertiserId={a}&from=2025-03-01&to=2025-03-02", advertiserId)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json("""
                        {"advertiserId": "%1$s", "timeZone": "America/New_York", "currency": "USD",
                         "from": "2025-03-01", "to": "2025-03-02",
                         "rows": [
                          {"date": "2025-03-01", "campaignId": "%2$s", "campaignName": "Spring Sale",
                           "campaignStatus": "ENABLE", "deleted": false, "spend": "12.50", "impressions": "1200",
                           "clicks": "12", "conversions": "2", "conversionValue": "50.00",
                           "roas": "4.0000", "ctr": "0.0100", "cpc": "1.04", "cpm": "10.42"},
                          {"date": "2025-03-01", "campaignId": "%3$s", "campaignName": "Old Promo",
                           "campaignStatus": "DELETE", "deleted": true, "spend": "5.00", "impressions": "300",
                           "clicks": "0", "conversions": null, "conversionValue": null,
                           "roas": null, "ctr": "0.0000", "cpc": null, "cpm": "16.67"},
                          {"date": "2025-03-02", "campaignId": "%2$s", "campaignName": "Spring Sale",
                           "campaignStatus": "ENABLE", "deleted": false, "spend": "7.50", "impressions": "0",
                           "clicks": "0", "conversions": "0", "conversionValue": "0.00",
                           "roas": "0.0000", "ctr": null, "cpc": null, "cpm": null}],
                         "totals": {"spend": "25.00", "impressions": "1500", "clicks": "12", "conversions": null,
                           "conversionValue": null, "roas": null, "ctr": "0.0080", "cpc": "2.08", "cpm": "16.67"}}
                        """.formatted(advertiserId, spring, old), JsonCompareMode.STRICT);
    }

    @Test
    void goldenContractEventsFlowThroughTheRealListeners() {
        kafka.publish(Topics.ENTITIES, "7002238017842757633", Golden.bytes(EventType.ENTITY_OBSERVED));
        kafka.publish(Topics.METRICS, "7002238017842757633", Golden.bytes(EventType.METRIC_OBSERVED));
        kafka.awaitConsumed(Topics.ENTITIES);
        kafka.awaitConsumed(Topics.METRICS);

        web.get().uri("/api/reporting/campaigns/daily?advertiserId=7002238017842757633&from=2026-11-19&to=2026-11-19")
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"advertiserId": "7002238017842757633", "timeZone": "America/Los_Angeles", "currency": "USD",
                         "from": "2026-11-19", "to": "2026-11-19",
                         "rows": [
                          {"date": "2026-11-19", "campaignId": "1800000000000000001",
                           "campaignName": "Winter Boots Prospecting", "campaignStatus": "ENABLE", "deleted": false,
                           "spend": "123.45", "impressions": "45210", "clicks": "612", "conversions": "18",
                           "conversionValue": "540.20", "roas": "4.3759", "ctr": "0.0135", "cpc": "0.20", "cpm": "2.73"}],
                         "totals": {"spend": "123.45", "impressions": "45210", "clicks": "612", "conversions": "18",
                           "conversionValue": "540.20", "roas": "4.3759", "ctr": "0.0135", "cpc": "0.20", "cpm": "2.73"}}
                        """, JsonCompareMode.STRICT);
    }
}
