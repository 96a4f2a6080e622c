package io.adpulse.alerting.pacing.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.alerting.AlertingServiceTest;
import io.adpulse.alerting.Observations;
import io.adpulse.alerting.pacing.domain.CampaignKey;
import io.adpulse.events.AlertResolved;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventType;
import io.adpulse.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

class PacingSweepTest extends AlertingServiceTest {

    /** 14:00 in Los Angeles the day before {@link #NOW}. */
    private static final Instant YESTERDAY_AFTERNOON = Instant.parse("2026-11-19T22:00:00Z");
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    PacingEvaluator evaluator;

    @Autowired
    DatabaseClient db;

    @Test
    void theClockResolvesAnAlertOnceItsLocalDayHasEnded() {
        String advertiserId = "adv-" + UUID.randomUUID();
        String campaignId = "cmp-" + UUID.randomUUID();
        KAFKA.send(Topics.ENTITIES, advertiserId, Observations.advertiser(advertiserId, YESTERDAY_AFTERNOON));
        KAFKA.send(Topics.ENTITIES, advertiserId,
                Observations.dailyBudgetCampaign(advertiserId, campaignId, "150.00", YESTERDAY_AFTERNOON));
        KAFKA.send(Topics.METRICS, advertiserId, Observations.dailySpend(advertiserId, campaignId,
                LocalDate.parse("2026-11-19"), "149.00", YESTERDAY_AFTERNOON));
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(advertiserId));

        evaluator.evaluateCampaign(new CampaignKey(advertiserId, campaignId), YESTERDAY_AFTERNOON).block();

        List<ConsumerRecord<String, byte[]>> resolved = KAFKA.awaitRecords(Topics.ALERTS,
                r -> CODEC.decode(r.value()).data() instanceof AlertResolved data
                        && advertiserId.equals(data.labels().get("advertiser_id")));
        AlertResolved data = CODEC.decode(resolved.get(0).value(), AlertResolved.class).data();
        assertThat(data.labels()).containsEntry("local_date", "2026-11-19").containsEntry("condition", "PACING_AHEAD");
        assertThat(data.summary())
                .isEqualTo("The local day 2026-11-19 (America/Los_Angeles) ended for campaign Winter Boots Prospecting");
        assertThat(KAFKA.records(Topics.ALERTS).stream().filter(r -> data.fingerprint().equals(r.key()))
                .map(r -> CODEC.decode(r.value()).type()))
                .containsExactly(EventType.ALERT_FIRED, EventType.ALERT_RESOLVED);
    }

    private boolean stored(String advertiserId) {
        Long rows = db.sql("select (select count(*) from advertiser where advertiser_id = :id) "
                        + "+ (select count(*) from campaign where advertiser_id = :id) "
                        + "+ (select count(*) from campaign_spend where advertiser_id = :id)")
                .bind("id", advertiserId)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
        return rows != null && rows == 3;
    }
}
