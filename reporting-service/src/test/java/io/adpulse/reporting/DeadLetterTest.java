package io.adpulse.reporting;

import static io.adpulse.events.EntityLevel.CAMPAIGN;
import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.EventCodec;
import io.adpulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** Records the service cannot read go to {@code <topic>.dlt} with the reason, and do not block the partition. */
class DeadLetterTest extends ReportingServiceTest {

    @Autowired
    private DatabaseClient db;

    private static final Instant T1 = Instant.parse("2025-05-02T06:00:00Z");

    private static String reason(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("adpulse-dlt-reason");
        assertThat(header).as("reason header").isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void malformedMetricRecordGoesToTheDeadLetterTopicWithItsReasonAndLaterRecordsStillApply() {
        String advertiserId = TestIds.next();
        String campaignId = TestIds.next();
        byte[] garbage = "{\"this\": \"is not a CloudEvent\"".getBytes(StandardCharsets.UTF_8);
        byte[] entityOnWrongTopic = new EventCodec().encode(
                Observations.campaign(advertiserId, campaignId, "Misrouted", false, null, T1));

        kafka.publish(Topics.METRICS, advertiserId, garbage);
        kafka.publish(Topics.METRICS, advertiserId, entityOnWrongTopic);
        kafka.publish(Observations.daily(CAMPAIGN, advertiserId, campaignId, "2025-05-01", "UTC", "EUR", T1, List.of(),
                "spend", "3.00", "impressions", "100", "clicks", "1"));

        ConsumerRecord<String, byte[]> malformed = kafka.awaitRecord(Topics.deadLetter(Topics.METRICS),
                r -> advertiserId.equals(r.key()) && Arrays.equals(garbage, r.value()));
        assertThat(reason(malformed)).startsWith("not a CloudEvents 1.0 JSON event");
        assertThat(malformed.headers().lastHeader("kafka_dlt-original-topic").value())
                .asString(StandardCharsets.UTF_8).isEqualTo(Topics.METRICS);

        ConsumerRecord<String, byte[]> misrouted = kafka.awaitRecord(Topics.deadLetter(Topics.METRICS),
                r -> advertiserId.equals(r.key()) && Arrays.equals(entityOnWrongTopic, r.value()));
        assertThat(reason(misrouted))
                .isEqualTo("expected adpulse.metrics.observed.v1 but got adpulse.entities.observed.v1");

        kafka.awaitConsumed(Topics.METRICS);
        web.get().uri("/api/reporting/campaigns/daily?advertiserId={a}&from=2025-05-01&to=2025-05-01", advertiserId)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows.length()").isEqualTo(1)
                .jsonPath("$.rows[0].spend").isEqualTo("3.00")
                .jsonPath("$.currency").isEqualTo("EUR");
    }

    @Test
    void aBadRecordInTheMiddleOfAPollIsDeadLetteredOnceAndTheRecordsAroundItAreStoredOnce() {
        String advertiserId = TestIds.next();
        String campaignId = TestIds.next();
        byte[] garbage = ("{\"broken\": \"" + advertiserId + "\"").getBytes(StandardCharsets.UTF_8);

        kafka.publish(Observations.daily(CAMPAIGN, advertiserId, campaignId, "2025-05-01", "UTC", "EUR", T1, List.of(),
                "spend", "1.00", "impressions", "10", "clicks", "1"));
        kafka.publish(Topics.METRICS, advertiserId, garbage);
        kafka.publish(Observations.daily(CAMPAIGN, advertiserId, campaignId, "2025-05-02", "UTC", "EUR", T1, List.of(),
                "spend", "2.00", "impressions", "20", "clicks", "2"));
        // a restatement of the first day in the same poll: the later observation wins
        kafka.publish(Observations.daily(CAMPAIGN, advertiserId, campaignId, "2025-05-01", "UTC", "EUR", T1.plusSeconds(60),
                List.of(), "spend", "1.50", "impressions", "15", "clicks", "1"));

        kafka.awaitRecord(Topics.deadLetter(Topics.METRICS), r -> Arrays.equals(garbage, r.value()));
        kafka.awaitConsumed(Topics.METRICS);
        web.get().uri("/api/reporting/campaigns/daily?advertiserId={a}&from=2025-05-01&to=2025-05-02", advertiserId)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows.length()").isEqualTo(2)
                .jsonPath("$.rows[?(@.date == '2025-05-01')].spend").isEqualTo(List.of("1.50"))
                .jsonPath("$.rows[?(@.date == '2025-05-02')].spend").isEqualTo(List.of("2.00"));
        assertThat(kafka.readAll(Topics.deadLetter(Topics.METRICS), r -> Arrays.equals(garbage, r.value())))
                .as("dead-lettered once").hasSize(1);
    }

    @Test
    void hourlyObservationWithoutAnHourIsDeadLetteredAsInvalid() {
        String advertiserId = TestIds.next();
        var withoutHour = Observations.hourly(CAMPAIGN, advertiserId, TestIds.next(), "2025-05-01", 0, "UTC", "EUR", T1,
                List.of(), "spend", "1.00");
        var data = withoutHour.data();
        var broken = new io.adpulse.events.MetricObserved(data.connectionId(), data.advertiserId(), data.level(),
                data.entityId(), data.granularity(), data.statDate(), null, data.timeZone(), data.currency(),
                data.metrics(), data.missing(), data.observedAt());
        byte[] bytes = new EventCodec().encode(io.adpulse.events.EventEnvelope.of("/adpulse/ingest-service",
                advertiserId, T1, broken, broken.naturalKey(), T1));

        kafka.publish(Topics.METRICS, advertiserId, bytes);

        ConsumerRecord<String, byte[]> dead = kafka.awaitRecord(Topics.deadLetter(Topics.METRICS),
                r -> advertiserId.equals(r.key()) && Arrays.equals(bytes, r.value()));
        assertThat(reason(dead)).contains("has no statHour between 0 and 23");
    }

    @Test
    void aPollWithRestatementsAroundABadRecordStoresTheLatestObservationOfEveryKeyAndDeadLettersOnlyTheBadRecord() {
        String advertiserId = TestIds.next();
        String campaignId = TestIds.next();
        EventCodec codec = new EventCodec();
        byte[] garbage = ("{\"broken\": \"" + advertiserId + "\"").getBytes(StandardCharsets.UTF_8);
        var dayT1 = Observations.daily(CAMPAIGN, advertiserId, campaignId, "2025-05-01", "UTC", "EUR", T1, List.of(),
                "spend", "1.00", "impressions", "10");
        var dayT2 = Observations.daily(CAMPAIGN, advertiserId, campaignId, "2025-05-01", "UTC", "EUR",
                T1.plusSeconds(60), List.of(), "spend", "2.00", "impressions", "20");
        var dayT3 = Observations.daily(CAMPAIGN, advertiserId, campaignId, "2025-05-01", "UTC", "EUR",
                T1.plusSeconds(120), List.of("impressions"), "spend", "3.00");
        // a different observation of the same instant as the stored one: changes nothing
        var dayT3Again = Observations.daily(CAMPAIGN, advertiserId, campaignId, "2025-05-01", "UTC", "EUR",
                T1.plusSeconds(120), List.of(), "spend", "9.99", "impressions", "99");
        var otherDay = Observations.daily(CAMPAIGN, advertiserId, campaignId, "2025-05-02", "UTC", "EUR", T1,
                List.of(), "spend", "5.00");
        var hourT2 = Observations.hourly(CAMPAIGN, advertiserId, campaignId, "2025-05-01", 7, "UTC", "EUR",
                T1.plusSeconds(60), List.of(), "spend", "0.70");
        var hourT1 = Observations.hourly(CAMPAIGN, advertiserId, campaignId, "2025-05-01", 7, "UTC", "EUR", T1,
                List.of(), "spend", "0.10");
        var otherHour = Observations.hourly(CAMPAIGN, advertiserId, campaignId, "2025-05-01", 8, "UTC", "EUR", T1,
                List.of(), "spend", "0.80");

        kafka.publishTogether(Topics.METRICS, advertiserId, List.of(codec.encode(dayT1), codec.encode(dayT2),
                codec.encode(hourT2), garbage, codec.encode(dayT3), codec.encode(dayT1), codec.encode(hourT1),
                codec.encode(dayT3Again), codec.encode(otherDay), codec.encode(otherHour)));

        kafka.awaitRecord(Topics.deadLetter(Topics.METRICS), r -> Arrays.equals(garbage, r.value()));
        kafka.awaitConsumed(Topics.METRICS);
        assertThat(db.sql("""
                        select stat_date::text || ' ' || coalesce(stat_hour::text, '-') as slot, spend::text as spend,
                               coalesce(impressions::text, 'null') as impressions, event_id
                        from (select stat_date, null::smallint as stat_hour, spend, impressions, event_id
                              from daily_metric where advertiser_id = :a
                              union all
                              select stat_date, stat_hour, spend, impressions, event_id
                              from hourly_metric where advertiser_id = :a) rows
                        order by slot""")
                .bind("a", advertiserId)
                .map(row -> row.get("slot", String.class) + " " + row.get("spend", String.class) + " "
                        + row.get("impressions", String.class) + " " + row.get("event_id", String.class))
                .all().collectList().block())
                .containsExactly("2025-05-01 - 3.000000 null " + dayT3.id(),
                        "2025-05-01 7 0.700000 null " + hourT2.id(),
                        "2025-05-01 8 0.800000 null " + otherHour.id(),
                        "2025-05-02 - 5.000000 null " + otherDay.id());
        assertThat(kafka.readAll(Topics.deadLetter(Topics.METRICS), r -> advertiserId.equals(r.key())))
                .as("only the bad record, once").singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo(garbage));
    }
}
