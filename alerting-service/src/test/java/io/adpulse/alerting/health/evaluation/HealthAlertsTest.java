package io.adpulse.alerting.health.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.alerting.AlertingServiceTest;
import io.adpulse.alerting.Observations;
import io.adpulse.events.AlertFired;
import io.adpulse.events.AlertResolved;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** The API-health rules from tiktok.api-errors.v1, tiktok.connections.v1 and tiktok.metrics.v1. */
class HealthAlertsTest extends AlertingServiceTest {

    private static final String ENDPOINT = "/open_api/v1.3/report/integrated/get/";
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    HealthEvaluator evaluator;

    @Autowired
    DatabaseClient db;

    private final String advertiserId = "health-" + UUID.randomUUID();
    private final String connectionId = "conn-" + advertiserId;

    @Test
    void fiveApiErrorsOfOneEndpointFireOnceAndARedeliveredErrorCountsOnce() {
        byte[] first = null;
        for (int i = 0; i < 5; i++) {
            byte[] error = Observations.apiError(connectionId, advertiserId, ENDPOINT, "req-" + i,
                    NOW.minusSeconds(300 - 60L * i));
            first = first == null ? error : first;
            KAFKA.send(Topics.API_ERRORS, connectionId, error);
        }

        AlertFired fired = awaitAlert(AlertFired.class, "api-error-rate");
        assertThat(fired.severity()).isEqualTo("warning");
        assertThat(fired.labels()).containsEntry("connection_id", connectionId).containsEntry("endpoint", ENDPOINT)
                .containsEntry("advertiser_id", advertiserId).containsEntry("code", "50002");
        assertThat(fired.summary()).startsWith("5 TikTok API calls to " + ENDPOINT + " through connection "
                + connectionId + " (advertiser " + advertiserId + ") failed in the last 10 min");

        RecordMetadata redelivery = KAFKA.send(Topics.API_ERRORS, connectionId, first);
        TopicPartition partition = new TopicPartition(Topics.API_ERRORS, redelivery.partition());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> KAFKA.committedOffset("alerting-service", partition) > redelivery.offset());
        assertThat(count("select count(*) from api_error where connection_id = :v", connectionId)).isEqualTo(5);
        assertThat(count("select count(*) from outbox where record_key = :v", fired.fingerprint())).isOne();
    }

    @Test
    void anApiErrorAlertResolvesOnTheClockOnceTheErrorsLeaveTheWindow() {
        Instant burst = NOW.minus(Duration.ofMinutes(30));
        for (int i = 0; i < 5; i++) {
            KAFKA.send(Topics.API_ERRORS, connectionId, Observations.apiError(connectionId, advertiserId, ENDPOINT,
                    "old-" + i, burst.plusSeconds(i)));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("select count(*) from api_error where connection_id = :v", connectionId) == 5);

        evaluator.evaluateEndpoint(connectionId, ENDPOINT, burst.plusSeconds(60)).block();
        AlertFired fired = awaitAlert(AlertFired.class, "api-error-rate");

        AlertResolved resolved = awaitAlert(AlertResolved.class, "api-error-rate");
        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
        assertThat(resolved.summary()).isEqualTo("API errors calmed down: 0 TikTok API calls to " + ENDPOINT
                + " through connection " + connectionId + " (advertiser " + advertiserId + ") failed in the last 10 min");
    }

    @Test
    void callsDeclinedByAnOpenCircuitFireOneAlertForTheEndpointAndNoConnectionErrorRate() {
        String endpoint = "/open_api/v1.3/circuit-" + UUID.randomUUID() + "/get/";
        String otherConnection = connectionId + "-b";
        for (int i = 0; i < 6; i++) {
            KAFKA.send(Topics.API_ERRORS, connectionId, Observations.circuitRejection(connectionId, advertiserId,
                    endpoint, "a" + i, NOW.minusSeconds(120 - 10L * i)));
        }
        RecordMetadata last = KAFKA.send(Topics.API_ERRORS, otherConnection, Observations.circuitRejection(
                otherConnection, advertiserId, endpoint, "b", NOW.minusSeconds(30)));

        ConsumerRecord<String, byte[]> firedRecord = KAFKA.awaitRecords(Topics.ALERTS, r -> CODEC.decode(r.value())
                .data() instanceof AlertFired f && f.rule().equals("circuit-open")
                && endpoint.equals(f.labels().get("endpoint"))).get(0);
        AlertFired fired = CODEC.decode(firedRecord.value(), AlertFired.class).data();
        assertThat(fired.severity()).isEqualTo("critical");
        assertThat(fired.labels()).containsEntry("endpoint", endpoint).doesNotContainKey("connection_id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count(
                "select count(*) from api_error where endpoint = :v", endpoint)).isEqualTo(7));
        TopicPartition partition = new TopicPartition(Topics.API_ERRORS, last.partition());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> KAFKA.committedOffset("alerting-service", partition) > last.offset());
        evaluator.evaluateCircuit(endpoint, NOW).block();
        assertThat(count("select count(*) from alert where rule = 'circuit-open' and labels ->> 'endpoint' = :v",
                endpoint)).as("one alert for the endpoint, however many calls and connections").isOne();
        assertThat(summaryOf("circuit-open", endpoint)).isEqualTo("The circuit breaker for TikTok endpoint " + endpoint
                + " is open after repeated TikTok-side failures: its calls are declined for every connection until it"
                + " probes TikTok again");
        // six declined calls of one connection are not six errors of that connection
        assertThat(count("select count(*) from alert where rule = 'api-error-rate' and labels ->> 'endpoint' = :v",
                endpoint)).isZero();

        evaluator.evaluateCircuit(endpoint, NOW.plus(Duration.ofMinutes(6))).block();
        ConsumerRecord<String, byte[]> resolvedRecord = KAFKA.awaitRecords(Topics.ALERTS, r -> CODEC.decode(r.value())
                .data() instanceof AlertResolved res && res.fingerprint().equals(fired.fingerprint())).get(0);
        assertThat(CODEC.decode(resolvedRecord.value(), AlertResolved.class).data().summary())
                .isEqualTo("The circuit breaker for TikTok endpoint " + endpoint
                        + " let calls through again: none was declined in the last 5 min");
    }

    private String summaryOf(String rule, String endpoint) {
        return db.sql("select summary from alert where rule = :rule and labels ->> 'endpoint' = :endpoint "
                        + "and state = 'FIRING'")
                .bind("rule", rule).bind("endpoint", endpoint).map(row -> row.get(0, String.class)).one().block();
    }

    @Test
    void aNeedsReauthRevocationFiresAndANewGrantResolvesIt() {
        KAFKA.send(Topics.CONNECTIONS, connectionId, Observations.granted(connectionId, advertiserId,
                NOW.minus(Duration.ofDays(1)), null));
        KAFKA.send(Topics.CONNECTIONS, connectionId, Observations.revoked(connectionId, advertiserId,
                "NEEDS_REAUTH:40105", NOW.minusSeconds(600)));

        AlertFired fired = awaitAlert(AlertFired.class, "connection-needs-reauth");
        assertThat(fired.severity()).isEqualTo("critical");
        assertThat(fired.labels()).containsEntry("reason", "NEEDS_REAUTH:40105").containsEntry("advertiser_id",
                advertiserId);

        KAFKA.send(Topics.CONNECTIONS, connectionId, Observations.granted(connectionId, advertiserId,
                NOW.minusSeconds(60), null));

        AlertResolved resolved = awaitAlert(AlertResolved.class, "connection-needs-reauth");
        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
        assertThat(resolved.summary()).isEqualTo("The connection " + connectionId + " (advertiser " + advertiserId
                + ") was authorised again at " + NOW.minusSeconds(60));
    }

    @Test
    void aTokenExpiringSoonFiresAndTheConnectionsTombstoneResolvesIt() {
        KAFKA.send(Topics.CONNECTIONS, connectionId, Observations.granted(connectionId, advertiserId,
                NOW.minus(Duration.ofHours(23)), NOW.plus(Duration.ofMinutes(45))));

        AlertFired fired = awaitAlert(AlertFired.class, "token-expiring");
        assertThat(fired.labels()).containsEntry("expires_at", NOW.plus(Duration.ofMinutes(45)).toString());

        KAFKA.send(Topics.CONNECTIONS, connectionId, null);

        AlertResolved resolved = awaitAlert(AlertResolved.class, "token-expiring");
        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
        assertThat(resolved.summary()).isEqualTo("The connection " + connectionId + " (advertiser " + advertiserId
                + ") is removed; its token no longer matters");
    }

    @Test
    void aConnectionWithoutMetricsIsStaleUntilAMetricObservationArrives() {
        KAFKA.send(Topics.CONNECTIONS, connectionId, Observations.granted(connectionId, advertiserId,
                NOW.minus(Duration.ofHours(1)), null));

        AlertFired fired = awaitAlert(AlertFired.class, "sync-stale");
        assertThat(fired.labels()).containsEntry("connection_id", connectionId)
                .containsEntry("since", NOW.minus(Duration.ofHours(1)).toString());

        KAFKA.send(Topics.METRICS, advertiserId, Observations.dailySpend(advertiserId, "cmp-" + UUID.randomUUID(),
                LocalDate.parse("2026-11-20"), "10.00", NOW.minusSeconds(30)));

        AlertResolved resolved = awaitAlert(AlertResolved.class, "sync-stale");
        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
        assertThat(resolved.summary()).isEqualTo("The connection " + connectionId + " (advertiser " + advertiserId
                + ") syncs again: latest metric observed at " + NOW.minusSeconds(30));
    }

    private long count(String sql, String value) {
        Long n = db.sql(sql).bind("v", value).map(row -> row.get(0, Long.class)).one().block();
        return n == null ? 0 : n;
    }

    private <T extends Record> T awaitAlert(Class<T> type, String rule) {
        ConsumerRecord<String, byte[]> record = KAFKA.awaitRecords(Topics.ALERTS, r -> {
            EventEnvelope<?> event = CODEC.decode(r.value());
            return type.isInstance(event.data()) && (event.data() instanceof AlertFired f
                    ? f.rule().equals(rule) && connectionId.equals(f.labels().get("connection_id"))
                    : event.data() instanceof AlertResolved res && res.rule().equals(rule)
                            && connectionId.equals(res.labels().get("connection_id")));
        }).get(0);
        return CODEC.decode(record.value(), type).data();
    }
}
