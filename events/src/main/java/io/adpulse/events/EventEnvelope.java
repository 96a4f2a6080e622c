package io.adpulse.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event as Adpulse uses it: {@code id} is stable for the fact it describes, so a
 * redelivery is recognisable; {@code subject} is the entity key and also the Kafka record key.
 */
public record EventEnvelope<T extends Record>(String id, EventType type, String source, Instant time,
        String subject, T data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
        if (!type.dataClass().isInstance(data)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.dataClass().getSimpleName()
                    + ", not " + data.getClass().getSimpleName());
        }
    }

    /** An event whose id is derived from the parts that identify the fact, so it is the same on every retry. */
    public static <T extends Record> EventEnvelope<T> of(String source, String subject, Instant time, T data,
            Object... factKey) {
        EventType type = EventType.of(data.getClass());
        return new EventEnvelope<>(stableId(type, factKey), type, source, time, subject, data);
    }

    /** A name-based UUID over the type and the parts of the fact's key. */
    public static String stableId(EventType type, Object... factKey) {
        StringBuilder key = new StringBuilder(type.type());
        for (Object part : factKey) {
            key.append('\u001f').append(part);
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The topic this event travels on. */
    public String topic() {
        return type.topic();
    }

    @SuppressWarnings("unchecked")
    public <R extends Record> R dataAs(Class<R> expected) {
        if (!expected.isInstance(data)) {
            throw new IllegalStateException("event " + id + " is " + type.type() + ", not " + expected.getSimpleName());
        }
        return (R) data;
    }
}
