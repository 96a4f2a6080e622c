package io.adpulse.gateway.access;

import io.adpulse.events.AccessRecorded;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import io.adpulse.gateway.config.GatewaySettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes access records on {@code audit.access.v1}, keyed by actor. Sending is asynchronous and never
 * delays or fails the request it describes; a record that cannot be sent is counted and logged.
 */
@Component
class AccessLogPublisher {

    private static final Logger log = LoggerFactory.getLogger(AccessLogPublisher.class);
    static final String SOURCE = "/adpulse/gateway";

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final boolean enabled;
    private final Counter failures;

    AccessLogPublisher(KafkaTemplate<String, byte[]> kafka, EventCodec codec, GatewaySettings settings,
            MeterRegistry meters) {
        this.kafka = kafka;
        this.codec = codec;
        this.enabled = settings.accessLogEnabled();
        this.failures = Counter.builder("adpulse.gateway.access.log.failures")
                .description("Access records that could not be published").register(meters);
    }

    void publish(AccessRecorded access) {
        if (!enabled) {
            return;
        }
        EventEnvelope<AccessRecorded> event = EventEnvelope.of(SOURCE, access.actor(), access.at(), access,
                access.correlationId());
        // Called as a request ends, on the event loop; KafkaTemplate.send may block for up to max.block.ms.
        Schedulers.boundedElastic().schedule(() -> send(event));
    }

    private void send(EventEnvelope<AccessRecorded> event) {
        try {
            kafka.send(Topics.AUDIT_ACCESS, event.subject(), codec.encode(event)).whenComplete((ok, e) -> {
                if (e != null) {
                    failed(event, e);
                }
            });
        } catch (RuntimeException e) {
            failed(event, e);
        }
    }

    private void failed(EventEnvelope<AccessRecorded> event, Throwable e) {
        failures.increment();
        log.warn("access record {} not published: {}", event.data().correlationId(), e.getMessage());
    }
}
