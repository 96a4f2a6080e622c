package io.adpulse.reporting.kafka;

import java.nio.charset.StandardCharsets;

import io.adpulse.events.EventCodec;
import io.adpulse.events.InvalidEventException;
import io.adpulse.events.Topics;
import io.adpulse.reporting.config.ReportingProperties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
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

    /** Name of the container factory of batch listeners (the metric topic, where throughput matters). */
    public static final String BATCH_FACTORY = "batchListenerContainerFactory";

    /**
     * Containers whose listener takes a whole poll at once, with Boot's settings and the same error handler: a
     * listener throws {@link org.springframework.kafka.listener.BatchListenerFailedException} naming the record that
     * failed, the records before it are committed, that one is retried and dead-lettered like a single record, and
     * the rest come again. {@code adpulse.reporting.consumer.metrics-concurrency} consumers, each with its own
     * partitions, so that one decodes while another waits for the database; the offsets of a poll are committed once
     * its listener returned, that is after its transaction committed.
     */
    @Bean(BATCH_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            DefaultErrorHandler errorHandler, ReportingProperties properties) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setConcurrency(properties.consumer().metricsConcurrency());
        factory.setBatchListener(true);
        factory.setCommonErrorHandler(errorHandler);
        return factory;
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
