package io.adpulse.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns {@link EventEnvelope}s into CloudEvents 1.0 structured JSON and back. Decoding checks the
 * envelope, the declared type and schema, and validates the data against the type's JSON Schema, so a
 * consumer either gets a well-formed record or an {@link InvalidEventException} that says why.
 * Thread-safe; create one and share it.
 */
public final class EventCodec {

    /** Media type of a structured-mode CloudEvent, for the Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = io.cloudevents.jackson.JsonFormat.CONTENT_TYPE;

    private static final String DATA_CONTENT_TYPE = "application/json";
    private static final int MAX_REASON_ERRORS = 5;

    private final io.cloudevents.jackson.JsonFormat format = new io.cloudevents.jackson.JsonFormat();
    private final JsonMapper mapper = JsonMapper.builder()
            .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // data is read through a tree: keep "1.50" as 1.50, as reading it straight into the record does
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);

    public EventCodec() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventCodec.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("missing JSON Schema " + type.schemaResource());
                }
                schemas.put(type, registry.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Structured-mode CloudEvents JSON for the event. */
    public byte[] encode(EventEnvelope<?> event) {
        byte[] data = mapper.writeValueAsBytes(event.data());
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.id())
                .withType(event.type().type())
                .withSource(URI.create(event.source()))
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withSubject(event.subject())
                .withDataSchema(event.type().dataSchema())
                .withDataContentType(DATA_CONTENT_TYPE)
                .withData(data)
                .build();
        return format.serialize(cloudEvent);
    }

    /** Parses and validates a structured-mode CloudEvent produced by {@link #encode}. */
    public EventEnvelope<?> decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidEventException("empty record: expected a CloudEvents JSON object");
        }
        CloudEvent cloudEvent;
        try {
            cloudEvent = format.deserialize(bytes);
        } catch (EventDeserializationException | IllegalStateException | IllegalArgumentException e) {
            throw new InvalidEventException("not a CloudEvents 1.0 JSON event: " + rootMessage(e), e);
        }
        EventType type = EventType.ofType(cloudEvent.getType())
                .orElseThrow(() -> new InvalidEventException("unknown event type '" + cloudEvent.getType() + "'"));
        if (cloudEvent.getDataSchema() != null && !type.dataSchema().equals(cloudEvent.getDataSchema())) {
            throw new InvalidEventException("dataschema " + cloudEvent.getDataSchema() + " does not match type "
                    + type.type() + " (expected " + type.dataSchema() + ")");
        }
        if (cloudEvent.getSubject() == null || cloudEvent.getSubject().isBlank()) {
            throw new InvalidEventException("event " + cloudEvent.getId() + " has no subject");
        }
        if (cloudEvent.getTime() == null) {
            throw new InvalidEventException("event " + cloudEvent.getId() + " has no time");
        }
        CloudEventData data = cloudEvent.getData();
        if (data == null) {
            throw new InvalidEventException("event " + cloudEvent.getId() + " has no data");
        }
        Record record = readData(type, data.toBytes(), cloudEvent.getId());
        return new EventEnvelope<>(cloudEvent.getId(), type, cloudEvent.getSource().toString(),
                cloudEvent.getTime().toInstant(), cloudEvent.getSubject(), record);
    }

    /** Decodes and checks that the event carries {@code expected}. */
    public <T extends Record> EventEnvelope<T> decode(byte[] bytes, Class<T> expected) {
        EventEnvelope<?> event = decode(bytes);
        if (!expected.isInstance(event.data())) {
            throw new InvalidEventException("expected " + EventType.of(expected).type() + " but got "
                    + event.type().type());
        }
        @SuppressWarnings("unchecked")
        EventEnvelope<T> typed = (EventEnvelope<T>) event;
        return typed;
    }

    /** Schema errors of a data payload for {@code type}; empty when valid. Exposed for contract tests. */
    public List<String> schemaErrors(EventType type, byte[] data) {
        JsonNode node;
        try {
            node = mapper.readTree(data);
        } catch (JacksonException e) {
            return List.of("data is not JSON: " + e.getOriginalMessage());
        }
        return schemaErrors(type, node);
    }

    private List<String> schemaErrors(EventType type, JsonNode data) {
        return schemas.get(type).validate(data).stream().map(Error::toString).toList();
    }

    /** Parses the data once: the same tree is validated and then read into the record. */
    private Record readData(EventType type, byte[] data, String id) {
        JsonNode node;
        try {
            node = mapper.readTree(data);
        } catch (JacksonException e) {
            throw new InvalidEventException("event " + id + " (" + type.type() + ") violates its schema: data is not"
                    + " JSON: " + e.getOriginalMessage(), e);
        }
        List<String> errors = schemaErrors(type, node);
        if (!errors.isEmpty()) {
            throw new InvalidEventException("event " + id + " (" + type.type() + ") violates its schema: "
                    + errors.stream().limit(MAX_REASON_ERRORS).collect(Collectors.joining("; ")));
        }
        try {
            return mapper.treeToValue(node, type.dataClass());
        } catch (JacksonException e) {
            throw new InvalidEventException("event " + id + " (" + type.type() + ") data cannot be read: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
