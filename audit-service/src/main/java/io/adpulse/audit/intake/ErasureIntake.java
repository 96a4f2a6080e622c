package io.adpulse.audit.intake;

import io.adpulse.audit.capture.CapturedRecord;
import io.adpulse.audit.chain.PayloadEraser;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.EventType;
import io.adpulse.events.PrivacyCompleted;
import io.adpulse.events.PrivacyRequested;
import io.adpulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * An erasure request the audit log just stored: the payloads of the entries about the account are erased
 * ({@link PayloadEraser}), naming the request's entry, and audit-service confirms with {@link PrivacyCompleted}
 * (service {@value #SERVICE}, {@code audit_event} = entries erased) on {@code privacy.completions.v1}, under an event
 * id derived from the request id, so a redelivery confirms again under the same id.
 */
@Component
class ErasureIntake {

    /** The name audit-service confirms under. */
    static final String SERVICE = "audit-service";
    static final String SOURCE = "/adpulse/audit-service";

    private static final Logger log = LoggerFactory.getLogger(ErasureIntake.class);

    private final EventCodec codec;
    private final PayloadEraser eraser;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock = Clock.systemUTC();

    ErasureIntake(EventCodec codec, PayloadEraser eraser, KafkaTemplate<String, byte[]> kafka) {
        this.codec = codec;
        this.eraser = eraser;
        this.kafka = kafka;
    }

    /** Whether the stored record is a valid erasure request. */
    boolean isErasureRequest(CapturedRecord captured) {
        return captured.valid() && Topics.PRIVACY_REQUESTS.equals(captured.topic())
                && EventType.PRIVACY_REQUESTED.type().equals(captured.eventType());
    }

    /** Erases and confirms, waiting up to {@code timeout} for each step (on the consumer thread). */
    void apply(ConsumerRecord<String, byte[]> record, Duration timeout) {
        PrivacyRequested request = codec.decode(record.value(), PrivacyRequested.class).data();
        if (request.kind() != PrivacyRequested.Kind.ERASURE) {
            return;
        }
        Long sequence = eraser.sequenceOf(record.topic(), record.partition(), record.offset()).block(timeout);
        if (sequence == null) {
            throw new IllegalStateException("the erasure request is not in the audit log");
        }
        Long erased = eraser.erase(request, sequence).block(timeout);
        log.info("Erased the payloads of {} audit entries for privacy request {} (entry {})", erased,
                request.requestId(), sequence);
        var done = new PrivacyCompleted(request.requestId(), SERVICE, request.connectionId(),
                Map.of("audit_event", erased == null ? 0L : erased), clock.instant());
        EventEnvelope<PrivacyCompleted> event = EventEnvelope.of(SOURCE, request.connectionId(), done.completedAt(),
                done, request.requestId(), SERVICE);
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(event.topic(), event.subject(), codec.encode(event));
        out.headers().add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        kafka.send(out).orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).join();
    }
}
