package io.adpulse.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.alerting.AlertingServiceTest;
import io.adpulse.alerting.HttpReceiver.Received;
import io.adpulse.alerting.Observations;
import io.adpulse.alerting.notify.delivery.DeliveryWorker;
import io.adpulse.alerting.notify.dispatch.Dispatcher;
import io.adpulse.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** From the observation topics to the receiver: one overspending campaign, one alert, then its resolution. */
class E2eNotificationTest extends AlertingServiceTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    private static final String SLACK = "/slack/T000/B000/XXXX";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    DatabaseClient db;

    @Test
    void anOverspendingCampaignReachesTheReceiverExactlyOnceAndResolvesThere() {
        String advertiser = "notify-" + UUID.randomUUID();
        String campaign = "cmp-" + UUID.randomUUID();
        KAFKA.send(Topics.ENTITIES, advertiser, Observations.advertiser(advertiser, NOW.minusSeconds(3600)));
        KAFKA.send(Topics.ENTITIES, advertiser,
                Observations.dailyBudgetCampaign(advertiser, campaign, "150.00", NOW.minusSeconds(3600)));
        byte[] overspend = Observations.dailySpend(advertiser, campaign, TODAY, "162.00", NOW.minusSeconds(300));
        int pagedBefore = RECEIVER.received(SLACK, "Winter Boots Prospecting").size();
        KAFKA.send(Topics.METRICS, advertiser, overspend);
        await().atMost(Duration.ofSeconds(60)).until(() -> alerts(advertiser, "FIRING") == 1);

        tick(NOW.plusSeconds(30));
        RecordMetadata redelivery = KAFKA.send(Topics.METRICS, advertiser, overspend);
        TopicPartition partition = new TopicPartition(Topics.METRICS, redelivery.partition());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> KAFKA.committedOffset("alerting-service", partition) > redelivery.offset());
        tick(NOW.plusSeconds(60));
        tick(NOW.plus(Duration.ofMinutes(5)).plusSeconds(30));

        List<Received> received = RECEIVER.received("/team", advertiser);
        assertThat(received).hasSize(1);
        JsonNode fired = JSON.readTree(received.get(0).body());
        assertThat(fired.get("status").asString()).isEqualTo("firing");
        assertThat(fired.get("alerts")).hasSize(1);
        assertThat(fired.get("alerts").get(0).get("labels").get("condition").asString()).isEqualTo("OVERSPEND");
        assertThat(fired.get("alerts").get(0).get("labels").get("alertname").asString()).isEqualTo("daily-budget-pacing");
        assertThat(RECEIVER.received(SLACK, "Winter Boots Prospecting")).as("critical also pages")
                .hasSize(pagedBefore + 1);

        KAFKA.send(Topics.METRICS, advertiser,
                Observations.dailySpend(advertiser, campaign, TODAY, "60.00", NOW.minusSeconds(60)));
        await().atMost(Duration.ofSeconds(60)).until(() -> alerts(advertiser, "RESOLVED") == 1);
        tick(NOW.plus(Duration.ofMinutes(10)).plusSeconds(30));

        received = RECEIVER.received("/team", advertiser);
        assertThat(received).hasSize(2);
        JsonNode resolved = JSON.readTree(received.get(1).body());
        assertThat(resolved.get("status").asString()).isEqualTo("resolved");
        assertThat(resolved.get("alerts").get(0).get("fingerprint").asString())
                .isEqualTo(fired.get("alerts").get(0).get("fingerprint").asString());
        assertThat(resolved.get("alerts").get(0).get("annotations").get("resolution").asString())
                .startsWith("Campaign Winter Boots Prospecting is back on pace.");
    }

    @Test
    void aBurstOfAlertsLargerThanADispatchBatchIsRoutedAndNotifiedInOnePass() {
        String advertiser = "many-" + UUID.randomUUID();
        int campaigns = 130; // more than the dispatcher's batch of 100
        KAFKA.send(Topics.ENTITIES, advertiser, Observations.advertiser(advertiser, NOW.minusSeconds(3600)));
        for (int i = 0; i < campaigns; i++) {
            KAFKA.send(Topics.ENTITIES, advertiser,
                    Observations.dailyBudgetCampaign(advertiser, "cmp-" + i, "100.00", NOW.minusSeconds(3600)));
        }
        for (int i = 0; i < campaigns; i++) {
            KAFKA.send(Topics.METRICS, advertiser,
                    Observations.dailySpend(advertiser, "cmp-" + i, TODAY, "140.00", NOW.minusSeconds(300)));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> alerts(advertiser, "FIRING") == campaigns);

        // one pass routes every new alert and flushes the group: it must finish, not hang on its own connection
        dispatcher.dispatch(NOW.plusSeconds(1)).block(Duration.ofSeconds(30));
        worker.deliverDue(NOW.plusSeconds(1)).block(Duration.ofSeconds(30));

        List<Received> received = RECEIVER.received("/team", advertiser);
        assertThat(received).hasSize(1);
        JsonNode alerts = JSON.readTree(received.get(0).body()).get("alerts");
        assertThat(alerts).hasSize(campaigns);
        assertThat(db.sql("select count(*) from alert where labels ->> 'advertiser_id' = :advertiser and not routed")
                .bind("advertiser", advertiser).map(row -> row.get(0, Long.class)).one().block()).isZero();
    }

    private void tick(Instant at) {
        dispatcher.dispatch(at).then(worker.deliverDue(at)).block();
    }

    private long alerts(String advertiser, String state) {
        return db.sql("select count(*) from alert where labels ->> 'advertiser_id' = :advertiser and state = :state")
                .bind("advertiser", advertiser)
                .bind("state", state)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }
}
