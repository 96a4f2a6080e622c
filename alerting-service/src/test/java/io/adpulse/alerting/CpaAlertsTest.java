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

/** The cpa-above-target rule from the metric topic; advertiser {@code cpa-7001} has target 20.00 (application-test.yml). */
class CpaAlertsTest extends AlertingServiceTest {

    private static final String ADVERTISER = "cpa-7001";
    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    DatabaseClient db;

    private final String campaignId = "cmp-" + UUID.randomUUID();

    @Test
    void firesOnceWhenConversionsCostTooMuchAndResolvesWhenARestatementAddsConversions() {
        KAFKA.send(Topics.ENTITIES, ADVERTISER, Observations.advertiser(ADVERTISER, NOW.minusSeconds(3600)));
        KAFKA.send(Topics.ENTITIES, ADVERTISER,
                Observations.dailyBudgetCampaign(ADVERTISER, campaignId, "400.00", NOW.minusSeconds(3600)));
        byte[] costly = Observations.dailySpendAndConversions(ADVERTISER, campaignId, TODAY, "150.00", "5",
                NOW.minusSeconds(600));
        KAFKA.send(Topics.METRICS, ADVERTISER, costly);

        AlertFired fired = awaitAlert(AlertFired.class);
        assertThat(fired.severity()).isEqualTo("warning");
        assertThat(fired.labels()).containsEntry("local_date", "2026-11-20").containsEntry("campaign_id", campaignId);
        assertThat(fired.summary()).isEqualTo("Campaign Winter Boots Prospecting has paid 30.00 USD per conversion on "
                + "2026-11-20 so far (150.00 USD for 5 conversions), above its CPA target of 20.00 USD");

        RecordMetadata redelivery = KAFKA.send(Topics.METRICS, ADVERTISER, costly);
        TopicPartition partition = new TopicPartition(Topics.METRICS, redelivery.partition());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> KAFKA.committedOffset("alerting-service", partition) > redelivery.offset());
        assertThat(db.sql("select count(*) from outbox where record_key = :fingerprint")
                .bind("fingerprint", fired.fingerprint()).map(row -> row.get(0, Long.class)).one().block()).isOne();

        KAFKA.send(Topics.METRICS, ADVERTISER, Observations.dailySpendAndConversions(ADVERTISER, campaignId, TODAY,
                "150.00", "9", NOW.minusSeconds(60)));

        AlertResolved resolved = awaitAlert(AlertResolved.class);
        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
        assertThat(resolved.summary()).endsWith("back at or below its CPA target of 20.00 USD");
    }

    private <T extends Record> T awaitAlert(Class<T> type) {
        ConsumerRecord<String, byte[]> record = KAFKA.awaitRecords(Topics.ALERTS, r -> {
            EventEnvelope<?> event = CODEC.decode(r.value());
            return type.isInstance(event.data()) && (event.data() instanceof AlertFired f
                    ? f.rule().equals("cpa-above-target") && campaignId.equals(f.labels().get("campaign_id"))
                    : event.data() instanceof AlertResolved res && res.rule().equals("cpa-above-target")
                            && campaignId.equals(res.labels().get("campaign_id")));
        }).get(0);
        return CODEC.decode(record.value(), type).data();
    }
}
