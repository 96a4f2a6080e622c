package io.adpulse.audit.capture;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One Kafka record as audit stores it. Event fields ({@code eventId} to {@code decision}) are those of the
 * decoded CloudEvent, or for an invalid record whatever could be read of it (possibly nothing).
 * {@code actor} is who acted, where the event says so (access records, connection grants and revocations);
 * {@code route} and {@code decision} are set on access records only. Every text is storable in PostgreSQL
 * (see {@link StorableText}) and {@code eventTime} has microsecond precision, so what is hashed before the
 * insert is exactly what is read back.
 */
public record CapturedRecord(String topic, int partition, long offset, String key, String eventId,
        String eventType, String subject, Instant eventTime, String actor, String route, String decision,
        boolean valid, String invalidReason, List<String> redactedFields, PayloadEncoding payloadEncoding,
        String payload) {

    public CapturedRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payloadEncoding, "payloadEncoding");
        redactedFields = List.copyOf(redactedFields);
        if (valid != (invalidReason == null)) {
            throw new IllegalArgumentException("an invalid record needs a reason, a valid one has none");
        }
        if ((payload == null) != (payloadEncoding == PayloadEncoding.NONE)) {
            throw new IllegalArgumentException("payload and encoding " + payloadEncoding + " disagree");
        }
    }
}
