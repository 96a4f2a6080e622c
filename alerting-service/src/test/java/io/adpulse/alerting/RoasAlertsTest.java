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

/** The roas-below-target rule from the metric topic; advertiser {@code roas-7001} has target 2.0 (application-test.yml). */
class RoasAlertsTest extends AlertingServiceTest {

    private static final String ADVERTISER = "roas-7001";
    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    DatabaseClient db;

    private final String campaignId = "cmp-" + UUID.randomUUID();

    @Test
    void firesOnceWhenReturnsFallBelowTheTargetAndResolvesWhenARestatementLiftsThem() {
        KAFKA.send(Topics.ENTITIES, ADVERTISER, Observations.advertiser(ADVERTISER, NOW.minusSeconds(3600)));
        KAFKA.send(Topics.ENTITIES, ADVERTISER,
                Observations.dailyBudgetCampaign(ADVERTISER, campaignId, "400.00", NOW.minusSeconds(3600)));
        byte[] poor = Observations.dailySpendAndValue(ADVERTISER, campaignId, TODAY, "150.00", "180.00",
                NOW.minusSeconds(600));
        KAFKA.send(Topics.METRICS, ADVERTISER, poor);

        AlertFired fired = awaitAlert(AlertFired.class);
        assertThat(fired.severity()).isEqualTo("warning");
        assertThat(fired.labels()).containsEntry("local_date", "2026-11-20").containsEntry("campaign_id", campaignId);
        assertThat(fired.summary()).isEqualTo("Campaign Winter Boots Prospecting has returned 1.20 on 2026-11-20 so far "
                + "(180.00 USD of purchases on 150.00 USD of spend), below its ROAS target of 2.00");

        RecordMetadata redelivery = KAFKA.send(Topics.METRICS, ADVERTISER, poor);
        TopicPartition partition = new TopicPartition(Topics.METRICS, redelivery.partition());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> KAFKA.committedOffset("alerting-service", partition) > redelivery.offset());
        assertThat(db.sql("select count(*) from outbox where record_key = :fingerprint")
                .bind("fingerprint", fired.fingerprint()).map(row -> row.get(0, Long.class)).one().block()).isOne();

        KAFKA.send(Topics.METRICS, ADVERTISER, Observations.dailySpendAndValue(ADVERTISER, campaignId, TODAY, "150.00",
                "330.00", NOW.minusSeconds(60)));

        AlertResolved resolved = awaitAlert(AlertResolved.class);
        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
        assertThat(resolved.summary()).endsWith("back at or above its ROAS target of 2.00");
    }

    private <T extends Record> T awaitAlert(Class<T> type) {
        ConsumerRecord<String, byte[]> record = KAFKA.awaitRecords(Topics.ALERTS, r -> {
            EventEnvelope<?> event = CODEC.decode(r.value());
            return type.isInstance(event.data()) && (event.data() instanceof AlertFired f
                    ? f.rule().equals("roas-below-target") && campaignId.equals(f.labels().get("campaign_id"))
                    : event.data() instanceof AlertResolved res && res.rule().equals("roas-below-target")
                            && campaignId.equals(res.labels().get("campaign_id")));
        }).get(0);
        return CODEC.decode(record.value(), type).data();
    }
}
