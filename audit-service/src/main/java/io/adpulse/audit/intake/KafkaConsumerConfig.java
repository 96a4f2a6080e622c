package io.adpulse.audit.intake;

import io.adpulse.audit.config.AuditProperties;
import io.adpulse.events.EventCodec;
import io.adpulse.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The event codec and the container error handler. A record that cannot be stored is retried with a
 * doubling pause ({@code adpulse.audit.consumer.*}); if it still cannot be stored it goes, unchanged, to
 * {@code <topic>.dlt} with the reason in {@value #REASON_HEADER}, so nothing is lost: the dead-letter topic
 * can be replayed once the cause is fixed.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfig {

    /** Header on dead-lettered records carrying the human reason the record could not be stored. */
    static final String REASON_HEADER = "adpulse-dlt-reason";

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template, AuditProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        recoverer.addHeadersFunction((record, exception) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        AuditProperties.Consumer consumer = properties.consumer();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(consumer.retryAttempts());
        backOff.setInitialInterval(consumer.retryInitialBackoff().toMillis());
        backOff.setMultiplier(2);
        backOff.setMaxInterval(consumer.retryMaxBackoff().toMillis());
        return new DefaultErrorHandler(recoverer, backOff);
    }

    /** The innermost message: the one that names the actual problem (a constraint, a timeout). */
    static String reason(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}
