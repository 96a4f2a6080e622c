package io.adpulse.reporting.kafka;

import java.nio.charset.StandardCharsets;

import io.adpulse.events.EventCodec;
import io.adpulse.events.InvalidEventException;
import io.adpulse.events.Topics;
import io.adpulse.reporting.config.ReportingProperties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The event codec and the container error handler shared by every listener. A listener that throws (see
 * {@link Listeners}) has its record retried {@code retry-attempts} times, {@code retry-backoff} apart, and then
 * published unchanged to {@code <topic>.dlt} with the human reason in {@value #REASON_HEADER} next to Spring Kafka's
 * {@code kafka_dlt-*} headers; an {@link InvalidEventException} goes there at once, since no retry can fix it.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConsumerConfig {

    /** Header on dead-lettered records carrying the human reason the record was rejected. */
    public static final String REASON_HEADER = "adpulse-dlt-reason";

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template, ReportingProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        recoverer.addHeadersFunction((record, exception) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        ReportingProperties.Consumer consumer = properties.consumer();
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(consumer.retryBackoff().toMillis(), consumer.retryAttempts()));
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    /** The message that names the actual problem: that of an {@link InvalidEventException}, else the innermost one. */
    static String reason(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidEventException) {
                return t.getMessage();
            }
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}
