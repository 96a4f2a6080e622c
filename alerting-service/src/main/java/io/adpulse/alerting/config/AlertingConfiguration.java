package io.adpulse.alerting.config;

import io.adpulse.events.EventCodec;
import io.adpulse.events.InvalidEventException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.util.retry.Retry;

/** Beans every feature shares. */
@Configuration(proxyBeanMethods = false)
class AlertingConfiguration {

    /** The one source of "now"; tests replace it to evaluate pacing at a chosen local time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    /**
     * Retry policy of the Kafka listeners, applied to the reactive effect the listener waits for; once retries
     * are exhausted the original failure is thrown to the container's error handler and the record goes to
     * the dead-letter topic. An {@link InvalidEventException} is final and fails at once.
     */
    @Bean
    Retry listenerRetry(AlertingProperties properties) {
        AlertingProperties.Listener listener = properties.listener();
        return Retry.backoff(listener.retries(), listener.backoff())
                .filter(e -> !(e instanceof InvalidEventException))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }
}
