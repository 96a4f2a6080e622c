package io.adpulse.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.events.AlertFired;
import io.adpulse.events.AlertResolved;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The rules on hourly campaign reports from the metric topic, at the test clock's 09:00 on 2026-11-20 in Los
 * Angeles: spend-anomaly and campaign-stopped-delivering.
 */
class HourlyAlertsTest extends AlertingServiceTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    DatabaseClient db;

    private final String advertiserId = "hourly-" + UUID.randomUUID();
    private final String campaignId = "cmp-" + UUID.randomUUID();

    @Test
    void aSpendSpikeAgainstTheSameHourOfTheLastWeekFiresOnceAndResolvesWhenRestated() {
        observeCampaign();
        String[] usual = {"40", "42", "38", "41", "39", "44", "40"};
        for (int day = 0; day < usual.length; day++) {
            hour(TODAY.minusDays(7 - day), 7, usual[day], NOW.minusSeconds(7200));
        }
        byte[] spike = Observations.hourlySpend(advertiserId, campaignId, TODAY, 7, "180.00", "52000",
                NOW.minusSeconds(600));
        KAFKA.send(Topics.METRICS, advertiserId, spike);

        AlertFired fired = awaitAlert(AlertFired.class, "spend-anomaly");
        assertThat(fired.severity()).isEqualTo("warning");
        assertThat(fired.labels()).containsEntry("direction", "SPIKE").containsEntry("hour", "7")
                .containsEntry("local_date", "2026-11-20");
        assertThat(fired.summary()).isEqualTo("Campaign Winter Boots Prospecting spent 180.00 USD in the hour "
                + "07:00–08:00 of 2026-11-20 America/Los_Angeles, against a median of 40.00 USD (MAD 1.00) for that hour "
                + "on 7 of the previous 7 days; a spend spike of 140.00 USD");

        RecordMetadata redelivery = KAFKA.send(Topics.METRICS, advertiserId, spike);
        TopicPartition partition = new TopicPartition(Topics.METRICS, redelivery.partition());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> KAFKA.committedOffset("alerting-service", partition) > redelivery.offset());
        assertThat(db.sql("select count(*) from outbox where record_key = :fingerprint")
                .bind("fingerprint", fired.fingerprint()).map(row -> row.get(0, Long.class)).one().block()).isOne();

        hour(TODAY, 7, "41.00", NOW.minusSeconds(60));

        AlertResolved resolved = awaitAlert(AlertResolved.class, "spend-anomaly");
        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
        assertThat(resolved.summary()).endsWith("; within its usual range");
    }

    @Test
    void anEnabledCampaignWithoutDeliveryForHoursFiresAndResolvesWhenItDeliversAgain() {
        observeCampaign();
        hour(TODAY, 4, "12.00", NOW.minusSeconds(600));

        AlertFired fired = awaitAlert(AlertFired.class, "campaign-stopped-delivering");
        assertThat(fired.severity()).isEqualTo("critical");
        assertThat(fired.labels()).containsEntry("since", "2026-11-20T13:00:00Z")
                .containsEntry("connection_id", "conn-" + advertiserId);
        assertThat(fired.summary()).isEqualTo("Campaign Winter Boots Prospecting is enabled but has not delivered since "
                + "2026-11-20 05:00 America/Los_Angeles (4 h without spend or impressions)");

        hour(TODAY, 8, "2.00", NOW.minusSeconds(60));

        AlertResolved resolved = awaitAlert(AlertResolved.class, "campaign-stopped-delivering");
        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
        assertThat(resolved.summary()).isEqualTo("Campaign Winter Boots Prospecting delivers again: its latest hour "
                + "with delivery ended at 2026-11-20 09:00 America/Los_Angeles");
    }

    private void observeCampaign() {
        KAFKA.send(Topics.ENTITIES, advertiserId, Observations.advertiser(advertiserId, NOW.minusSeconds(86_400 * 8)));
        KAFKA.send(Topics.ENTITIES, advertiserId,
                Observations.dailyBudgetCampaign(advertiserId, campaignId, "1500.00", NOW.minusSeconds(86_400 * 8)));
    }

    private void hour(LocalDate date, int hour, String spend, java.time.Instant observedAt) {
        KAFKA.send(Topics.METRICS, advertiserId,
                Observations.hourlySpend(advertiserId, campaignId, date, hour, spend, "1000", observedAt));
    }

    private <T extends Record> T awaitAlert(Class<T> type, String rule) {
        ConsumerRecord<String, byte[]> record = KAFKA.awaitRecords(Topics.ALERTS, r -> {
            EventEnvelope<?> event = CODEC.decode(r.value());
            return type.isInstance(event.data()) && (event.data() instanceof AlertFired f
                    ? f.rule().equals(rule) && campaignId.equals(f.labels().get("campaign_id"))
                    : event.data() instanceof AlertResolved res && res.rule().equals(rule)
                            && campaignId.equals(res.labels().get("campaign_id")));
        }).get(0);
        return CODEC.decode(record.value(), type).data();
    }
}
