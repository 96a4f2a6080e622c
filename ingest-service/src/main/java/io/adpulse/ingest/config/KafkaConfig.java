package io.adpulse.ingest.config;

import io.adpulse.events.InvalidEventException;
import io.adpulse.events.Topics;
import io.adpulse.ingest.token.TokenOpeningException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Consumer error handling: a record that keeps failing is published unchanged to {@code <topic>.dlt},
 * with the human reason in {@value #REASON_HEADER} next to Spring Kafka's {@code kafka_dlt-*} headers.
 * Records that can never succeed (not a valid event, a token that does not open) are dead-lettered at
 * once; anything else (the database briefly unreachable) is retried twice, a second apart, first.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    /** Header on dead-lettered records carrying the human reason the record was rejected. */
    public static final String REASON_HEADER = "adpulse-dlt-reason";

    private static final Logger log = LoggerFactory.getLogger(KafkaConfig.class);
    private static final long RETRY_INTERVAL_MS = 1_000;
    private static final long RETRIES = 2;

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        recoverer.addHeadersFunction((record, exception) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        ConsumerRecordRecoverer logged = (record, exception) -> {
            log.warn("Dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
                    record.key(), reason(exception));
            recoverer.accept(record, exception);
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(logged, new FixedBackOff(RETRY_INTERVAL_MS, RETRIES));
        handler.addNotRetryableExceptions(InvalidEventException.class, TokenOpeningException.class);
        return handler;
    }

    /**
     * The message that names the actual problem: that of an {@link InvalidEventException} or
     * {@link TokenOpeningException} (both written to be shown), else the innermost message. The listener
     * container wraps every failure, so the outermost message only says that the listener failed.
     */
    static String reason(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidEventException || t instanceof TokenOpeningException) {
                return t.getMessage();
            }
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}
