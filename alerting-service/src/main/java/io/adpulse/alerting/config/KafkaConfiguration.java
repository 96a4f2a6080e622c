package io.adpulse.alerting.config;

import io.adpulse.events.InvalidEventException;
import io.adpulse.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka error handling: a record whose processing failed for good is published unchanged to
 * {@code <topic>.dlt} (partition chosen by its key), with the failure in the standard
 * {@code kafka_dlt-exception-*} headers, so nothing is silently dropped. The container does not retry on
 * its own: retries happen in the listener pipeline (see {@code listenerRetry}).
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<String, byte[]> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(0L, 0L));
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }
}
