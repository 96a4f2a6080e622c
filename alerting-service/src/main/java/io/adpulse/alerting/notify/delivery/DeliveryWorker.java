package io.adpulse.alerting.notify.delivery;

import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.config.ReceiverSettings;
import io.adpulse.alerting.notify.routing.Receivers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Sends due deliveries, each as an HTTP POST of its stored JSON body to the integration's URL. A 2xx answer
 * delivers it. Anything else (another status, no connection, no answer within
 * {@code notifications.timeout}) is a failed attempt: the delivery is tried again after
 * {@code initial-backoff}, doubled after each further failure up to {@code max-backoff}, and after
 * {@code max-attempts} it is FAILED, where it stays visible until retried by hand. Every attempt is counted in
 * {@code adpulse.alerting.deliveries{receiver, outcome=delivered|retrying|failed}}. Errors are recorded
 * without the URL, which may hold a secret.
 */
@Service
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    static final String METRIC = "adpulse.alerting.deliveries";

    private final DeliveryStore store;
    private final Receivers receivers;
    private final WebClient http;
    private final MeterRegistry metrics;
    private final AlertingProperties.Notifications settings;

    DeliveryWorker(DeliveryStore store, Receivers receivers, MeterRegistry metrics, AlertingProperties properties) {
        this.store = store;
        this.receivers = receivers;
        this.metrics = metrics;
        this.settings = properties.notifications();
        this.http = WebClient.builder().build();
    }

    /** Sends every delivery due at {@code now}, one after another; the attempts are recorded at {@code now}. */
    public Mono<Void> deliverDue(Instant now) {
        Instant leaseUntil = now.plus(settings.timeout()).plusSeconds(30);
        return store.claimDue(now, leaseUntil, settings.batchSize())
                .concatMap(delivery -> attempt(delivery, now))
                .then();
    }

    private Mono<Void> attempt(Delivery delivery, Instant now) {
        Optional<URI> url = url(delivery);
        if (url.isEmpty()) {
            return failed(delivery, now, "receiver " + delivery.receiver() + " has no " + delivery.integration() + " #"
                    + delivery.integrationIndex() + " any more", false);
        }
        return http.post().uri(url.get())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(delivery.body())
                .retrieve()
                .toBodilessEntity()
                .timeout(settings.timeout())
                .then(Mono.defer(() -> {
                    count(delivery, "delivered");
                    return store.delivered(delivery.id(), now);
                }))
                .onErrorResume(e -> failed(delivery, now, describe(e), true));
    }

    private Mono<Void> failed(Delivery delivery, Instant now, String error, boolean retryable) {
        int attempts = delivery.attempts() + 1;
        boolean giveUp = !retryable || attempts >= settings.maxAttempts();
        Instant next = giveUp ? null : now.plus(backoff(attempts));
        count(delivery, giveUp ? "failed" : "retrying");
        if (giveUp) {
            log.warn("delivery {} to {} ({} #{}) FAILED after {} attempts: {}", delivery.id(), delivery.receiver(),
                    delivery.integration(), delivery.integrationIndex(), attempts, error);
        } else {
            log.info("delivery {} to {} ({} #{}) failed ({}), attempt {} of {}, next at {}", delivery.id(),
                    delivery.receiver(), delivery.integration(), delivery.integrationIndex(), error, attempts,
                    settings.maxAttempts(), next);
        }
        return store.attemptFailed(delivery.id(), now, error, next);
    }

    /** {@code initial × 2^(attempts − 1)}, at most {@code max-backoff}. */
    Duration backoff(int attempts) {
        Duration delay = settings.initialBackoff();
        for (int i = 1; i < attempts && delay.compareTo(settings.maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    private Optional<URI> url(Delivery delivery) {
        Optional<ReceiverSettings> receiver = receivers.get(delivery.receiver());
        if (receiver.isEmpty()) {
            return Optional.empty();
        }
        var list = Delivery.SLACK.equals(delivery.integration())
                ? receiver.get().slack().stream().map(ReceiverSettings.Slack::url).toList()
                : receiver.get().webhooks().stream().map(ReceiverSettings.Webhook::url).toList();
        return delivery.integrationIndex() < list.size() ? Optional.of(list.get(delivery.integrationIndex()))
                : Optional.empty();
    }

    private void count(Delivery delivery, String outcome) {
        Counter.builder(METRIC)
                .description("Attempts to deliver alert notifications, by receiver and outcome")
                .tag("receiver", delivery.receiver())
                .tag("outcome", outcome)
                .register(metrics)
                .increment();
    }

    /** What went wrong, without the URL: the HTTP status, a timeout, or the kind of connection failure. */
    static String describe(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            return "HTTP " + response.getStatusCode().value() + " " + response.getStatusText();
        }
        if (error instanceof TimeoutException) {
            return "no answer in time";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "request failed: " + root.getClass().getSimpleName();
    }
}
