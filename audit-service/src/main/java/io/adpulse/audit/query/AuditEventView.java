package io.adpulse.audit.query;

import io.adpulse.audit.capture.CanonicalJson;
import io.adpulse.audit.capture.CapturedRecord;
import io.adpulse.audit.capture.PayloadEncoding;
import io.adpulse.audit.chain.ChainEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

/**
 * One audit entry as the API shows it. {@code payload} is the stored copy of the record value: the JSON
 * itself when {@code payloadEncoding} is {@code JSON}, a string for {@code TEXT} and {@code BASE64},
 * {@code null} for a tombstone. {@code actor} is set where the event names who acted; {@code route} and
 * {@code decision} on access records ({@code adpulse.access.recorded.v1}). {@code erasedBy} is the sequence of the
 * erasure request that removed the payload (then {@code payload} is null and {@code payloadEncoding} {@code NONE}),
 * else null. {@code prunedAt} is when the access-log retention reduced the entry to a stub (every field about the
 * access null), else null.
 */
record AuditEventView(long sequence, Instant recordedAt, String topic, int partition, long offset, String key,
        String eventId, String type, String subject, Instant time, String actor, String route, String decision,
        boolean valid, String invalidReason, List<String> redactedFields, PayloadEncoding payloadEncoding,
        JsonNode payload, String prevHash, String hash, Long erasedBy, Instant prunedAt) {

    private static final CanonicalJson JSON = new CanonicalJson();

    static AuditEventView of(ChainEntry entry) {
        CapturedRecord r = entry.record();
        return new AuditEventView(entry.sequence(), entry.recordedAt(), r.topic(), r.partition(), r.offset(), r.key(),
                r.eventId(), r.eventType(), r.subject(), r.eventTime(), r.actor(), r.route(), r.decision(), r.valid(),
                r.invalidReason(), r.redactedFields(), r.payloadEncoding(), payload(r), entry.prevHash(), entry.hash(),
                entry.erasedBy(), entry.prunedAt());
    }

    /** The payload as JSON; stored JSON that no longer parses (altered in the database) is shown as a string. */
    private static JsonNode payload(CapturedRecord r) {
        return switch (r.payloadEncoding()) {
            case JSON -> JSON.parse(r.payload().getBytes(StandardCharsets.UTF_8))
                    .orElseGet(() -> StringNode.valueOf(r.payload()));
            case TEXT, BASE64 -> StringNode.valueOf(r.payload());
            case NONE -> NullNode.getInstance();
        };
    }
}
