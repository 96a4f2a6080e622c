package io.adpulse.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.events.AlertFired;
import io.adpulse.events.AlertResolved;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.EventType;
import io.adpulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

class BudgetPacingAlertsTest extends AlertingServiceTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    private final String advertiserId = "adv-" + UUID.randomUUID();
    private final String campaignId = "cmp-" + UUID.randomUUID();

    @Test
    void firesExactlyOnceDespiteRedeliveryAndResolvesWhenSpendIsRestatedLower() {
        observeCampaignWithBudget("150.00");
        byte[] observation = Observations.dailySpend(advertiserId, campaignId, TODAY, "142.10", NOW.minusSeconds(900));
        KAFKA.send(Topics.METRICS, advertiserId, observation);

        AlertFired fired = awaitAlert(AlertFired.class);
        assertThat(fired.rule()).isEqualTo("daily-budget-pacing");
        assertThat(fired.severity()).isEqualTo("warning");
        assertThat(fired.labels()).containsEntry("condition", "PACING_AHEAD").containsEntry("local_date", "2026-11-20")
                .containsEntry("time_zone", "America/Los_Angeles").containsEntry("currency", "USD")
                .containsEntry("campaign_name", "Winter Boots Prospecting").containsEntry("campaign_id", campaignId);
        assertThat(fired.summary()).startsWith("Campaign Winter Boots Prospecting has spent 142.10 USD of its 150.00 USD "
                + "daily budget at 09:00 America/Los_Angeles; expected 56.25 by now");

        RecordMetadata redelivery = KAFKA.send(Topics.METRICS, advertiserId, observation);
        TopicPartition partition = new TopicPartition(Topics.METRICS, redelivery.partition());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> KAFKA.committedOffset("alerting-service", partition) > redelivery.offset());
        assertThat(count("select count(*) from outbox where record_key = :fingerprint", fired.fingerprint())).isOne();
        assertThat(count("select count(*) from alert where fingerprint = :fingerprint", fired.fingerprint())).isOne();

        KAFKA.send(Topics.METRICS, advertiserId,
                Observations.dailySpend(advertiserId, campaignId, TODAY, "60.00", NOW.minusSeconds(60)));

        AlertResolved resolved = awaitAlert(AlertResolved.class);
        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
        assertThat(resolved.summary()).startsWith("Campaign Winter Boots Prospecting is back on pace.");
        assertThat(alertTypesOf(fired.fingerprint())).containsExactly(EventType.ALERT_FIRED, EventType.ALERT_RESOLVED);
    }

    @Test
    void aDeletedCampaignStopsBeingPacedAndItsAlertResolves() {
        observeCampaignWithBudget("150.00");
        KAFKA.send(Topics.METRICS, advertiserId,
                Observations.dailySpend(advertiserId, campaignId, TODAY, "162.00", NOW.minusSeconds(300)));
        AlertFired fired = awaitAlert(AlertFired.class);
        assertThat(fired.severity()).isEqualTo("critical");
        assertThat(fired.labels()).containsEntry("condition", "OVERSPEND");

        KAFKA.send(Topics.ENTITIES, advertiserId,
                Observations.dailyBudgetCampaign(advertiserId, campaignId, "150.00", true, NOW.minusSeconds(30)));

        AlertResolved resolved = awaitAlert(AlertResolved.class);
        assertThat(resolved.summary()).isEqualTo("Campaign Winter Boots Prospecting is no longer paced: it is deleted");
    }

    @Test
    void listsFiringAlertsAndRecordsWhoAcknowledgedOne() {
        observeCampaignWithBudget("100.00");
        KAFKA.send(Topics.METRICS, advertiserId,
                Observations.dailySpend(advertiserId, campaignId, TODAY, "5.00", NOW.minusSeconds(300)));
        AlertFired fired = awaitAlert(AlertFired.class);
        assertThat(fired.labels()).containsEntry("condition", "PACING_BEHIND");

        web.get().uri("/api/alerting/alerts?state=FIRING").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.fingerprint == '" + fired.fingerprint() + "')].severity").isEqualTo(List.of("warning"))
                .jsonPath("$[?(@.fingerprint == '" + fired.fingerprint() + "')].labels.advertiser_id")
                .isEqualTo(List.of(advertiserId));

        web.post().uri("/api/alerting/alerts/{fingerprint}/ack", fired.fingerprint())
                .header("X-Adpulse-Actor", "oncall.alice")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.fingerprint").isEqualTo(fired.fingerprint())
                .jsonPath("$.state").isEqualTo("FIRING")
                .jsonPath("$.acknowledgedBy").isEqualTo("oncall.alice")
                .jsonPath("$.acknowledgedAt").isEqualTo("2026-11-20T17:00:00Z");

        web.get().uri("/api/alerting/alerts?state=RESOLVED").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.fingerprint == '" + fired.fingerprint() + "')]").isEmpty();
    }

    @Test
    void acknowledgingAnUnknownAlertIsNotFound() {
        web.post().uri("/api/alerting/alerts/{fingerprint}/ack", "0123456789abcdef")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("no alert with fingerprint 0123456789abcdef");
    }

    @Test
    void rejectsAnUnknownStateOrLimitWithAProblemDetail() {
        web.get().uri("/api/alerting/alerts?state=OPEN").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/alerting/alerts?limit=0").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("limit must be between 1 and 1000, was 0");
    }

    @Test
    void sendsAnUndecodableMetricToTheDeadLetterTopicWithTheReason() {
        String key = "bad-" + UUID.randomUUID();
        KAFKA.send(Topics.METRICS, key, "{\"spend\": 12".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> dead = KAFKA.awaitRecords(Topics.deadLetter(Topics.METRICS),
                r -> key.equals(r.key())).get(0);

        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"spend\": 12");
        Header reason = dead.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("not a CloudEvents 1.0 JSON event");
    }

    @Test
    void anAccountThatSpendsInTheEveningIsExpectedToHaveSpentLittleByMorning() {
        observeCampaignWithBudget("150.00");
        // a week of delivery between 12:00 and 24:00 local time, none in the morning
        for (LocalDate day = TODAY.minusDays(7); day.isBefore(TODAY); day = day.plusDays(1)) {
            for (int hour = 12; hour < 24; hour++) {
                KAFKA.send(Topics.METRICS, advertiserId, Observations.hourlySpend(advertiserId, campaignId, day, hour,
                        "12.50", "900", NOW.minus(Duration.ofDays(1))));
            }
        }
        // at 09:00 an even day would expect 56.25 and call 5.00 behind; this account usually has spent nothing yet
        RecordMetadata morning = KAFKA.send(Topics.METRICS, advertiserId,
                Observations.dailySpend(advertiserId, campaignId, TODAY, "5.00", NOW.minusSeconds(600)));
        TopicPartition partition = new TopicPartition(Topics.METRICS, morning.partition());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> KAFKA.committedOffset("alerting-service", partition) > morning.offset());
        assertThat(count("select count(*) from alert where rule = 'daily-budget-pacing' "
                + "and labels ->> 'advertiser_id' = :fingerprint", advertiserId)).isZero();

        // 40.00 by 09:00 is far ahead of a curve that expects nothing before noon
        KAFKA.send(Topics.METRICS, advertiserId,
                Observations.dailySpend(advertiserId, campaignId, TODAY, "40.00", NOW.minusSeconds(300)));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from alert where rule = "
                + "'daily-budget-pacing' and labels ->> 'advertiser_id' = :fingerprint", advertiserId) == 1);
        String summary = db.sql("select summary from alert where rule = 'daily-budget-pacing' "
                        + "and labels ->> 'advertiser_id' = :advertiser")
                .bind("advertiser", advertiserId).map(row -> row.get(0, String.class)).one().block();
        assertThat(summary).startsWith("Campaign Winter Boots Prospecting has spent 40.00 USD of its 150.00 USD daily "
                + "budget at 09:00 America/Los_Angeles; expected 0.00 by now on this account's usual intraday curve "
                + "(learned from 7 days); pacing ahead");
    }

    private void observeCampaignWithBudget(String budget) {
        KAFKA.send(Topics.ENTITIES, advertiserId, Observations.advertiser(advertiserId, NOW.minusSeconds(3600)));
        KAFKA.send(Topics.ENTITIES, advertiserId,
                Observations.dailyBudgetCampaign(advertiserId, campaignId, budget, NOW.minusSeconds(3600)));
    }

    private <T extends Record> T awaitAlert(Class<T> type) {
        EventType eventType = EventType.of(type);
        ConsumerRecord<String, byte[]> record = KAFKA.awaitRecords(Topics.ALERTS, r -> {
            EventEnvelope<?> event = CODEC.decode(r.value());
            return event.type() == eventType && advertiserId.equals(labelsOf(event).get("advertiser_id"));
        }).get(0);
        return CODEC.decode(record.value(), type).data();
    }

    private List<EventType> alertTypesOf(String fingerprint) {
        return KAFKA.records(Topics.ALERTS).stream()
                .filter(r -> fingerprint.equals(r.key()))
                .map(r -> CODEC.decode(r.value()).type())
                .toList();
    }

    private static java.util.Map<String, String> labelsOf(EventEnvelope<?> event) {
        return event.data() instanceof AlertFired fired ? fired.labels()
                : ((AlertResolved) event.data()).labels();
    }

    private long count(String sql, String fingerprint) {
        return db.sql(sql).bind("fingerprint", fingerprint).map(row -> row.get(0, Long.class)).one().block();
    }
}
