package io.adpulse.alerting.privacy;

import io.adpulse.alerting.alert.outbox.Outbox;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.PrivacyCompleted;
import io.adpulse.events.PrivacyRequested;
import io.adpulse.events.Topics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Reads {@code privacy.requests.v1}: erases the account's rows ({@link AccountEraser}) and appends the
 * {@link PrivacyCompleted} confirmation to the outbox in the same transaction, so the confirmation goes out if and
 * only if the rows are gone. Synchronous on the consumer thread like every listener here; failures are retried in
 * the pipeline ({@code listenerRetry}) and then dead-lettered to {@code privacy.requests.v1.dlt}; a record that is not
 * a {@link PrivacyRequested} goes there at once. A redelivered request deletes nothing more and confirms again,
 * with zero counts, under the same event id.
 */
@Component
class PrivacyRequestListener {

    /** The name this service confirms under; auth-service waits for it. */
    static final String SERVICE = "alerting-service";
    static final String SOURCE = "/adpulse/alerting-service";
    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(PrivacyRequestListener.class);

    private final EventCodec codec;
    private final AccountEraser eraser;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final Retry retry;

    PrivacyRequestListener(EventCodec codec, AccountEraser eraser, Outbox outbox, TransactionalOperator transactions,
            Clock clock, Retry listenerRetry) {
        this.codec = codec;
        this.eraser = eraser;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.retry = listenerRetry;
    }

    @KafkaListener(topics = Topics.PRIVACY_REQUESTS)
    void onRecord(ConsumerRecord<String, byte[]> record) {
        Mono.defer(() -> erase(codec.decode(record.value(), PrivacyRequested.class).data()))
                .retryWhen(retry).block(EFFECT_TIMEOUT);
    }

    private Mono<Void> erase(PrivacyRequested request) {
        return transactions.transactional(eraser.erase(request).flatMap(counts -> {
            log.info("Erased advertisers {} for privacy request {}: {}", request.accountIds(), request.requestId(),
                    counts);
            var done = new PrivacyCompleted(request.requestId(), SERVICE, request.connectionId(), counts,
                    clock.instant());
            return outbox.append(EventEnvelope.of(SOURCE, request.connectionId(), done.completedAt(), done,
                    request.requestId(), SERVICE));
        }));
    }
}
