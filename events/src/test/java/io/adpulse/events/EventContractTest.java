package io.adpulse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventContractTest {

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenFileDecodesToTheCanonicalSample(EventType type) {
        EventEnvelope<?> decoded = codec.decode(Golden.bytes(type));

        assertThat(decoded).isEqualTo(EventSamples.all().get(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void canonicalSampleEncodesToTheGoldenFile(EventType type) {
        JsonNode encoded = json.readTree(codec.encode(EventSamples.all().get(type)));

        assertThat(encoded).isEqualTo(json.readTree(Golden.bytes(type)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventCarriesTheCloudEventsAttributesConsumersRelyOn(EventType type) {
        JsonNode event = json.readTree(Golden.bytes(type));

        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("type").asString()).isEqualTo(type.type());
        assertThat(event.get("dataschema").asString()).isEqualTo(type.dataSchema().toString());
        assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(event.get("subject").asString()).isNotBlank();
        assertThat(event.get("data").isObject()).isTrue();
    }

    @Test
    void sameFactGivesSameIdSoRedeliveriesAreRecognisable() {
        assertThat(EventSamples.metricObserved().id()).isEqualTo(EventSamples.metricObserved().id());
        assertThat(EventEnvelope.stableId(EventType.METRIC_OBSERVED, "a", 1))
                .isNotEqualTo(EventEnvelope.stableId(EventType.METRIC_OBSERVED, "a", 2));
    }

    @Test
    void moneyAndMetricValuesTravelAsDecimalStrings() {
        JsonNode data = json.readTree(Golden.bytes(EventType.METRIC_OBSERVED)).get("data");

        assertThat(data.get("metrics").get("spend").isString()).isTrue();
        assertThat(data.get("metrics").get("spend").asString()).isEqualTo("123.45");
    }

    @Test
    void decimalsKeepTheirScaleWhenDecoded() {
        ObjectNode event = golden(EventType.METRIC_OBSERVED);
        ((ObjectNode) event.get("data").get("metrics")).put("spend", "20.000");

        MetricObserved data = codec.decode(json.writeValueAsBytes(event), MetricObserved.class).data();

        assertThat(data.metrics().get("spend")).isEqualTo(new java.math.BigDecimal("20.000"));
    }

    @Test
    void rejectsRecordThatIsNotJson() {
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not a CloudEvents");
    }

    @Test
    void rejectsEmptyRecord() {
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void rejectsUnknownType() {
        ObjectNode event = golden(EventType.ALERT_FIRED);
        event.put("type", "adpulse.unknown.v9");

        assertThatThrownBy(() -> codec.decode(json.writeValueAsBytes(event)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("unknown event type");
    }

    @Test
    void rejectsDataThatViolatesItsSchema() {
        ObjectNode event = golden(EventType.METRIC_OBSERVED);
        ((ObjectNode) event.get("data").get("metrics")).put("spend", 12.5);
        ((ObjectNode) event.get("data")).remove("currency");

        assertThatThrownBy(() -> codec.decode(json.writeValueAsBytes(event)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("violates its schema")
                .hasMessageContaining("currency");
    }

    @Test
    void rejectsMismatchedDataSchema() {
        ObjectNode event = golden(EventType.ALERT_FIRED);
        event.put("dataschema", EventType.ALERT_RESOLVED.dataSchema().toString());

        assertThatThrownBy(() -> codec.decode(json.writeValueAsBytes(event)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void decodeWithExpectedTypeRejectsOtherTypes() {
        assertThatThrownBy(() -> codec.decode(Golden.bytes(EventType.ALERT_FIRED), MetricObserved.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("expected adpulse.metrics.observed.v1");
    }

    @Test
    void sealedTokenNeverPrintsItsCiphertext() {
        assertThat(EventSamples.connectionGranted().data().accessToken().toString()).doesNotContain("AAEC");
    }

    @Test
    void everyTopicIsVersionedAndHasADeadLetterTopic() {
        assertThat(Topics.ALL).allMatch(t -> t.matches(".*\\.v[0-9]+$"));
        assertThat(Topics.deadLetter(Topics.METRICS)).isEqualTo("tiktok.metrics.v1.dlt");
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic)).allMatch(Topics.ALL::contains);
    }

    private ObjectNode golden(EventType type) {
        return (ObjectNode) json.readTree(Golden.bytes(type));
    }
}
