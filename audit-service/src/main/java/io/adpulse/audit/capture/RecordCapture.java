package io.adpulse.audit.capture;

import io.adpulse.events.AccessRecorded;
import io.adpulse.events.CommandRequested;
import io.adpulse.events.CommandResult;
import io.adpulse.events.ConnectionGranted;
import io.adpulse.events.ConnectionRevoked;
import io.adpulse.events.PrivacyRequested;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.InvalidEventException;
import io.adpulse.events.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Captures a Kafka record for the audit log. Rules:
 * <ul>
 * <li>A value that {@link EventCodec} decodes, on the topic its type belongs to, is valid; its CloudEvent
 * fields are taken from the decoded event.</li>
 * <li>Anything else is invalid, with the reason, and still captured: the fields are read from the JSON
 * where it has them ({@code id}, {@code type}, {@code subject}, {@code time}), otherwise left empty.</li>
 * <li>A tombstone (no value) is valid on a compacted topic, where it means "gone", invalid elsewhere.</li>
 * <li>The stored payload is the whole record value: canonical JSON when it parses, else text, else base64,
 * with secrets redacted (see {@link Redaction}) before anything is hashed.</li>
 * </ul>
 * Capturing never throws: an unexpected failure yields an invalid record with the value in base64.
 */
@Component
public class RecordCapture {

    private static final Logger log = LoggerFactory.getLogger(RecordCapture.class);

    private static final int MAX_REASON = 2000;
    private static final int MAX_FIELD = 1000;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final EventCodec codec;
    private final CanonicalJson json = new CanonicalJson();

    public RecordCapture(EventCodec codec) {
        this.codec = codec;
    }

    public CapturedRecord capture(ConsumerRecord<String, byte[]> record) {
        try {
            return record.value() == null ? tombstone(record) : value(record);
        } catch (RuntimeException unexpected) {
            log.error("capturing record {}-{}@{} failed; storing it as invalid, in base64", record.topic(),
                    record.partition(), record.offset(), unexpected);
            return new CapturedRecord(record.topic(), record.partition(), record.offset(), text(record.key()), null,
                    null, null, null, null, null, null, false, "could not be captured: " + unexpected.getClass().getName(),
                    List.of(), record.value() == null ? PayloadEncoding.NONE : PayloadEncoding.BASE64,
                    record.value() == null ? null : Base64.getEncoder().encodeToString(record.value()));
        }
    }

    private CapturedRecord tombstone(ConsumerRecord<String, byte[]> record) {
        boolean compacted = Topics.COMPACTED.contains(record.topic());
        String reason = compacted ? null : "tombstone (record without a value) on " + record.topic()
                + ", which is not a compacted topic";
        return new CapturedRecord(record.topic(), record.partition(), record.offset(), text(record.key()), null, null,
                null, null, null, null, null, compacted, reason, List.of(), PayloadEncoding.NONE, null);
    }

    private CapturedRecord value(ConsumerRecord<String, byte[]> record) {
        Optional<JsonNode> tree = json.parse(record.value());
        Payload payload = tree.map(this::jsonPayload).orElseGet(() -> rawPayload(record.value()));
        EventEnvelope<?> event;
        try {
            event = codec.decode(record.value());
        } catch (InvalidEventException invalid) {
            return invalid(record, tree.orElse(null), payload, Redaction.scrub(invalid.getMessage(), payload.removed()));
        }
        if (!event.topic().equals(record.topic())) {
            return new CapturedRecord(record.topic(), record.partition(), record.offset(), text(record.key()),
                    text(event.id()), text(event.type().type()), text(event.subject()), time(event.time()), null,
                    null, null, false, "event type " + event.type().type() + " belongs on " + event.topic()
                    + ", not on " + record.topic(), payload.redacted(), payload.encoding(), payload.text());
        }
        Actor actor = actor(event);
        return new CapturedRecord(record.topic(), record.partition(), record.offset(), text(record.key()),
                text(event.id()), text(event.type().type()), text(event.subject()), time(event.time()),
                text(actor.actor()), text(actor.route()), text(actor.decision()), true, null, payload.redacted(),
                payload.encoding(), payload.text());
    }

    private CapturedRecord invalid(ConsumerRecord<String, byte[]> record, JsonNode tree, Payload payload, String reason) {
        return new CapturedRecord(record.topic(), record.partition(), record.offset(), text(record.key()),
                field(tree, "id"), field(tree, "type"), field(tree, "subject"), parseTime(field(tree, "time")),
                null, null, null, false, StorableText.of(reason == null ? "invalid event" : reason, MAX_REASON),
                payload.redacted(), payload.encoding(), payload.text());
    }

    private Payload jsonPayload(JsonNode tree) {
        Redaction.Redacted redacted = Redaction.redact(tree);
        return new Payload(PayloadEncoding.JSON, StorableText.of(json.write(tree)), texts(redacted.fields()),
                redacted.values());
    }

    private static Payload rawPayload(byte[] value) {
        Optional<String> text = utf8(value).filter(t -> t.indexOf('\u0000') < 0);
        if (text.isEmpty()) {
            return new Payload(PayloadEncoding.BASE64, Base64.getEncoder().encodeToString(value), List.of(), Set.of());
        }
        Redaction.RedactedText redacted = Redaction.redactText(text.get());
        return new Payload(PayloadEncoding.TEXT, StorableText.of(redacted.text()), texts(redacted.redacted().fields()),
                redacted.redacted().values());
    }

    private static Optional<String> utf8(byte[] value) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Who acted, as far as the event says. */
    private static Actor actor(EventEnvelope<?> event) {
        if (event.data() instanceof AccessRecorded access) {
            return new Actor(access.actor(), access.route(),
                    access.decision() == null ? null : access.decision().name());
        }
        if (event.data() instanceof ConnectionGranted granted) {
            return new Actor(granted.grantedBy(), null, null);
        }
        if (event.data() instanceof ConnectionRevoked revoked) {
            return new Actor(revoked.revokedBy(), null, null);
        }
        if (event.data() instanceof PrivacyRequested erasure) {
            return new Actor(erasure.requestedBy(), null, null);
        }
        if (event.data() instanceof CommandRequested command) {
            return new Actor(command.actor(), null, null);
        }
        if (event.data() instanceof CommandResult result) {
            return new Actor(result.actor(), null, null);
        }
        return new Actor(null, null, null);
    }

    private static String field(JsonNode tree, String name) {
        if (tree == null || !tree.isObject()) {
            return null;
        }
        JsonNode value = tree.get(name);
        return value != null && value.isString() ? text(value.stringValue()) : null;
    }

    private static Instant parseTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            return time(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Microsecond precision, as PostgreSQL keeps it; a time PostgreSQL cannot hold is not kept as a field. */
    private static Instant time(Instant time) {
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            return null;
        }
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    private static String text(String value) {
        return StorableText.of(value, MAX_FIELD);
    }

    private static List<String> texts(List<String> values) {
        return values.stream().map(RecordCapture::text).toList();
    }

    /** The stored copy of a value; {@code removed} holds the secret values taken out, never stored. */
    private record Payload(PayloadEncoding encoding, String text, List<String> redacted, Set<String> removed) {
    }

    private record Actor(String actor, String route, String decision) {
    }
}
