package io.adpulse.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.events.AlertFired;
import io.adpulse.events.AlertResolved;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import java.nio.charset.StandardCharsets;
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
 * The lifetime-budget-pacing rule from the entity and metric topics. The flight runs from 2026-11-15 00:00 to
 * 2026-11-25 00:00 in Los Angeles; the test clock's 09:00 on 2026-11-20 is 53.75 % through it.
 */
class LifetimeBudgetAlertsTest extends AlertingServiceTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    private static final String FLIGHT_START = "2026-11-15 08:00:00";
    private static final String FLIGHT_END = "2026-11-25 08:00:00";
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    DatabaseClient db;

    private final String advertiserId = "life-" + UUID.randomUUID();
    private final String campaignId = "cmp-" + UUID.randomUUID();
    private final String adgroupId = "adg-" + UUID.randomUUID();

    @Test
    void anAdGroupAheadOfItsFlightFiresOnceAndResolvesWhenAnEarlierDayIsRestatedLower() {
        observe(Observations.adgroup(advertiserId, campaignId, adgroupId, "1000.00", "BUDGET_MODE_TOTAL", FLIGHT_START,
                FLIGHT_END, NOW.minusSeconds(3600)));
        for (int day = 15; day <= 19; day++) {
            spend(LocalDate.of(2026, 11, day), "100.00", NOW.minusSeconds(7200));
        }
        byte[] today = Observations.adgroupDailySpend(advertiserId, adgroupId, TODAY, "150.00", NOW.minusSeconds(600));
        KAFKA.send(Topics.METRICS, advertiserId, today);

        AlertFired fired = awaitAlert(AlertFired.class, "adgroup_id", adgroupId);
        assertThat(fired.severity()).isEqualTo("warning");
        assertThat(fired.labels()).containsEntry("level", "adgroup").containsEntry("campaign_id", campaignId)
                .containsEntry("condition", "PACING_AHEAD").containsEntry("flight_end", "2026-11-25T08:00:00Z")
                .containsEntry("advertiser_id", advertiserId);
        assertThat(fired.summary()).isEqualTo("Ad group Spring Sale Retargeting has spent 650.00 USD of its 1000.00 USD "
                + "lifetime budget by 2026-11-20 09:00 America/Los_Angeles, 53.8 % through its flight from "
                + "2026-11-15 00:00 to 2026-11-25 00:00 America/Los_Angeles; expected 537.50 by then; pacing ahead "
                + "(on pace up to 599.65; at this rate it would spend 1209.30 by the end of the flight)");

        RecordMetadata redelivery = KAFKA.send(Topics.METRICS, advertiserId, today);
        TopicPartition partition = new TopicPartition(Topics.METRICS, redelivery.partition());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> KAFKA.committedOffset("alerting-service", partition) > redelivery.offset());
        assertThat(db.sql("select count(*) from outbox where record_key = :fingerprint")
                .bind("fingerprint", fired.fingerprint()).map(row -> row.get(0, Long.class)).one().block()).isOne();

        spend(LocalDate.of(2026, 11, 19), "20.00", NOW.minusSeconds(60));

        AlertResolved resolved = awaitAlert(AlertResolved.class, "adgroup_id", adgroupId);
        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
        assertThat(resolved.summary()).startsWith("Ad group Spring Sale Retargeting is back on pace. "
                + "Ad group Spring Sale Retargeting has spent 570.00 USD");
    }

    @Test
    void aCampaignIsPacedOverItsAdGroupsFlightAndResolvesWhenItStopsBeingALifetimeBudget() {
        KAFKA.send(Topics.ENTITIES, advertiserId, Observations.advertiser(advertiserId, NOW.minusSeconds(3600)));
        KAFKA.send(Topics.ENTITIES, advertiserId,
                Observations.lifetimeBudgetCampaign(advertiserId, campaignId, "2000.00", NOW.minusSeconds(3600)));
        KAFKA.send(Topics.ENTITIES, advertiserId, Observations.adgroup(advertiserId, campaignId, adgroupId, null,
                "BUDGET_MODE_INFINITE", FLIGHT_START, FLIGHT_END, NOW.minusSeconds(3600)));
        KAFKA.send(Topics.METRICS, advertiserId,
                Observations.dailySpend(advertiserId, campaignId, TODAY, "2100.00", NOW.minusSeconds(600)));

        AlertFired fired = awaitAlert(AlertFired.class, "campaign_id", campaignId);
        assertThat(fired.severity()).isEqualTo("critical");
        assertThat(fired.labels()).containsEntry("level", "campaign").containsEntry("condition", "OVERSPEND")
                .containsEntry("campaign_name", "Seasonal sale").doesNotContainKey("adgroup_id");
        assertThat(fired.summary()).endsWith("; over budget by 100.00 USD");

        KAFKA.send(Topics.ENTITIES, advertiserId, Observations.dailyBudgetCampaign(advertiserId, campaignId, "2000.00",
                NOW.minusSeconds(60)));

        AlertResolved resolved = awaitAlert(AlertResolved.class, "campaign_id", campaignId);
        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
        assertThat(resolved.summary()).isEqualTo("Campaign Winter Boots Prospecting is no longer paced against a lifetime budget: "
                + "its budget mode is BUDGET_MODE_DAY, not a lifetime budget");
    }

    @Test
    void anAdGroupWithAMalformedScheduleIsDeadLettered() {
        String key = "life-bad-" + UUID.randomUUID();
        KAFKA.send(Topics.ENTITIES, key, Observations.adgroup(key, campaignId, adgroupId, "10.00", "BUDGET_MODE_TOTAL",
                "15/11/2026", FLIGHT_END, NOW));

        ConsumerRecord<String, byte[]> dead = KAFKA.awaitRecords(Topics.deadLetter(Topics.ENTITIES),
                r -> key.equals(r.key())).get(0);
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8)).contains("schedule_start_time '15/11/2026', which is not yyyy-MM-dd HH:mm:ss");
    }

    private void observe(byte[] adgroup) {
        KAFKA.send(Topics.ENTITIES, advertiserId, Observations.advertiser(advertiserId, NOW.minusSeconds(3600)));
        KAFKA.send(Topics.ENTITIES, advertiserId, adgroup);
    }

    private void spend(LocalDate date, String amount, java.time.Instant observedAt) {
        KAFKA.send(Topics.METRICS, advertiserId,
                Observations.adgroupDailySpend(advertiserId, adgroupId, date, amount, observedAt));
    }

    private <T extends Record> T awaitAlert(Class<T> type, String label, String value) {
        ConsumerRecord<String, byte[]> record = KAFKA.awaitRecords(Topics.ALERTS, r -> {
            EventEnvelope<?> event = CODEC.decode(r.value());
            return type.isInstance(event.data()) && (event.data() instanceof AlertFired f
                    ? f.rule().equals("lifetime-budget-pacing") && value.equals(f.labels().get(label))
                    : event.data() instanceof AlertResolved res && res.rule().equals("lifetime-budget-pacing")
                            && value.equals(res.labels().get(label)));
        }).get(0);
        return CODEC.decode(record.value(), type).data();
    }
}
