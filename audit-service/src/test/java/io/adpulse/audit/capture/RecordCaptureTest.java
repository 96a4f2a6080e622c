package io.adpulse.audit.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.EventCodec;
import io.adpulse.events.EventSamples;
import io.adpulse.events.EventType;
import io.adpulse.events.Golden;
import io.adpulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RecordCaptureTest {

    private final RecordCapture capture = new RecordCapture(new EventCodec());

    private static ConsumerRecord<String, byte[]> record(String topic, String key, byte[] value) {
        return new ConsumerRecord<>(topic, 2, 41L, key, value);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void capturesAValidAccessRecordWithItsActorRouteAndDecision() {
        CapturedRecord r = capture.capture(record(Topics.AUDIT_ACCESS, "admin", Golden.bytes(EventType.ACCESS_RECORDED)));

        assertThat(r.valid()).isTrue();
        assertThat(r.invalidReason()).isNull();
        assertThat(r.topic()).isEqualTo(Topics.AUDIT_ACCESS);
        assertThat(r.partition()).isEqualTo(2);
        assertThat(r.offset()).isEqualTo(41L);
        assertThat(r.key()).isEqualTo("admin");
        assertThat(r.eventId()).isEqualTo(EventSamples.accessRecorded().id());
        assertThat(r.eventType()).isEqualTo("adpulse.access.recorded.v1");
        assertThat(r.subject()).isEqualTo("admin");
        assertThat(r.eventTime()).isEqualTo(EventSamples.T0);
        assertThat(r.actor()).isEqualTo("admin");
        assertThat(r.route()).isEqualTo("reporting");
        assertThat(r.decision()).isEqualTo("ALLOWED");
        assertThat(r.payloadEncoding()).isEqualTo(PayloadEncoding.JSON);
        assertThat(r.payload()).startsWith("{\"data\":{\"actor\":\"admin\"").doesNotContain(" ", "\n");
        assertThat(r.redactedFields()).isEmpty();
    }

    @Test
    void redactsTheSealedAccessTokenOfAConnectionGrant() {
        CapturedRecord r = capture.capture(record(Topics.CONNECTIONS, "conn-7002238017842757633",
                Golden.bytes(EventType.CONNECTION_GRANTED)));

        assertThat(r.valid()).isTrue();
        assertThat(r.actor()).isEqualTo("admin");
        assertThat(r.redactedFields()).containsExactly("data.accessToken");
        assertThat(r.payload()).contains("\"accessToken\":\"[REDACTED]\"")
                .doesNotContain(EventSamples.connectionGranted().data().accessToken().ciphertext());
    }

    @Test
    void flagsGarbageAsInvalidAndKeepsItAsText() {
        CapturedRecord r = capture.capture(record(Topics.METRICS, "k", utf8("{\"this\": \"is not a CloudEvent\"")));

        assertThat(r.valid()).isFalse();
        assertThat(r.invalidReason()).startsWith("not a CloudEvents 1.0 JSON event");
        assertThat(r.payloadEncoding()).isEqualTo(PayloadEncoding.TEXT);
        assertThat(r.payload()).isEqualTo("{\"this\": \"is not a CloudEvent\"");
        assertThat(r.eventId()).isNull();
    }

    @Test
    void flagsAnEventOnAnotherTypesTopicAsInvalidButKeepsItsFields() {
        CapturedRecord r = capture.capture(record(Topics.METRICS, "7002238017842757633",
                Golden.bytes(EventType.ENTITY_OBSERVED)));

        assertThat(r.valid()).isFalse();
        assertThat(r.invalidReason()).isEqualTo(
                "event type adpulse.entities.observed.v1 belongs on tiktok.entities.v1, not on tiktok.metrics.v1");
        assertThat(r.eventType()).isEqualTo("adpulse.entities.observed.v1");
        assertThat(r.eventId()).isEqualTo(EventSamples.entityObserved().id());
    }

    @Test
    void flagsASchemaViolationKeepingWhatCanBeReadAndNoSecret() {
        String event = """
                {"specversion": "1.0", "id": "bad-1", "source": "/test", "type": "adpulse.access.recorded.v1",
                 "subject": "mallory", "time": "2026-11-20T09:30:00.123456789Z",
                 "data": {"actor": 42, "password": "hunter22-is-secret"}}
                """;

        CapturedRecord r = capture.capture(record(Topics.AUDIT_ACCESS, "mallory", utf8(event)));

        assertThat(r.valid()).isFalse();
        assertThat(r.invalidReason()).contains("violates its schema").doesNotContain("hunter22-is-secret");
        assertThat(r.eventId()).isEqualTo("bad-1");
        assertThat(r.eventType()).isEqualTo("adpulse.access.recorded.v1");
        assertThat(r.subject()).isEqualTo("mallory");
        assertThat(r.eventTime()).as("microsecond precision, as stored").isEqualTo(Instant.parse("2026-11-20T09:30:00.123456Z"));
        assertThat(r.actor()).as("actors are taken from valid events only").isNull();
        assertThat(r.redactedFields()).containsExactly("data.password");
        assertThat(r.payload()).doesNotContain("hunter22-is-secret");
    }

    @Test
    void scrubsARedactedValueThatTheParserEchoesInItsReason() {
        CapturedRecord r = capture.capture(record(Topics.AUDIT_ACCESS, "k",
                utf8("{\"specversion\": \"1.0\", \"token\": s3cr3t-t0ken}")));

        assertThat(r.valid()).isFalse();
        assertThat(r.payloadEncoding()).isEqualTo(PayloadEncoding.TEXT);
        assertThat(r.payload()).isEqualTo("{\"specversion\": \"1.0\", \"token\": \"[REDACTED]\"}");
        assertThat(r.invalidReason()).startsWith("not a CloudEvents 1.0 JSON event").doesNotContain("s3cr3t").contains("[REDACTED]");
        assertThat(r.redactedFields()).containsExactly("token");
    }

    @Test
    void keepsBinaryValuesInBase64() {
        byte[] binary = {0, 1, 2, (byte) 0xff, (byte) 0xfe};

        CapturedRecord r = capture.capture(record(Topics.WEBHOOKS, null, binary));

        assertThat(r.valid()).isFalse();
        assertThat(r.payloadEncoding()).isEqualTo(PayloadEncoding.BASE64);
        assertThat(Base64.getDecoder().decode(r.payload())).isEqualTo(binary);
        assertThat(r.key()).isNull();
    }

    @Test
    void acceptsATombstoneOnACompactedTopicOnly() {
        CapturedRecord onConnections = capture.capture(record(Topics.CONNECTIONS, "conn-1", null));
        CapturedRecord onMetrics = capture.capture(record(Topics.METRICS, "adv-1", null));

        assertThat(onConnections.valid()).isTrue();
        assertThat(onConnections.payloadEncoding()).isEqualTo(PayloadEncoding.NONE);
        assertThat(onConnections.payload()).isNull();
        assertThat(onMetrics.valid()).isFalse();
        assertThat(onMetrics.invalidReason()).contains("not a compacted topic");
    }

    @Test
    void makesNulCharactersInIdentifyingFieldsStorable() {
        CapturedRecord r = capture.capture(record(Topics.ALERTS, "key\u0000with-nul", utf8("{}")));

        assertThat(r.key()).isEqualTo("key\uFFFDwith-nul");
        assertThat(r.valid()).isFalse();
        assertThat(r.payload()).isEqualTo("{}");
    }
}
