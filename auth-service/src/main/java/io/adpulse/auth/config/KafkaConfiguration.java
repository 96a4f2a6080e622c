package io.adpulse.auth.config;

import io.adpulse.events.InvalidEventException;
import io.adpulse.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Failed records go to {@code <topic>.dlt} (partition chosen by key) with the exception message in
 * the {@code kafka_dlt-exception-message} header. Invalid events are dead-lettered at once; other
 * failures (database briefly down) are retried a few times first.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    private static final long RETRY_INTERVAL_MS = 500;
    private static final long RETRIES = 3;

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> kafka) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        var handler = new DefaultErrorHandler(recoverer, new FixedBackOff(RETRY_INTERVAL_MS, RETRIES));
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }
}
