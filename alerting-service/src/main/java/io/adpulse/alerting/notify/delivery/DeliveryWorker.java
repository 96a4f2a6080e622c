package io.adpulse.alerting.notify.delivery;

import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.config.ReceiverSettings;
import io.adpulse.alerting.notify.routing.Receivers;
import io.adpulse.alerting.notify.routing.Routing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends due deliveries: webhooks, Slack, PagerDuty (with its routing key added) and Alertmanager
 * ({@code <url>/api/v2/alerts}) as an HTTP POST of the stored JSON body, where a 2xx answer delivers it; e-mail
 * through the integration's SMTP server (on the bounded elastic scheduler, as JavaMail blocks), where the server
 * accepting the mail delivers it. Anything else (another status, no connection, no answer within
 * {@code notifications.timeout}) is a failed attempt: the delivery is tried again after
 * {@code initial-backoff}, doubled after each further failure up to {@code max-backoff}, and after
 * {@code max-attempts} it is FAILED, where it stays visible until retried by hand, and the
 * {@code delivery-failing} alert of its receiver fires until a delivery to that receiver succeeds again. Every
 * attempt is counted in {@code adpulse.alerting.deliveries{receiver, outcome=delivered|retrying|failed}}. Errors
 * are recorded without the URL, addresses or credentials, which may be secret.
 */
@Service
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    static final String METRIC = "adpulse.alerting.deliveries";

    private final DeliveryStore store;
    private final Routing routing;
    private final WebClient http;
    private final MeterRegistry metrics;
    private final AlertingProperties.Notifications settings;
    private final JsonMapper json;
    private final DeliveryFailingRule failing;
    private final SmtpSender mail;

    DeliveryWorker(DeliveryStore store, Routing routing, MeterRegistry metrics, AlertingProperties properties,
            JsonMapper json, DeliveryFailingRule failing, SmtpSender mail) {
        this.store = store;
        this.mail = mail;
        this.failing = failing;
        this.json = json;
        this.routing = routing;
        this.metrics = metrics;
        this.settings = properties.notifications();
        this.http = WebClient.builder().build();
        // Every receiver's series exist from the start at zero, so delivery-failure alerts and dashboards see them.
        for (String receiver : routing.now().receivers().names()) {
            for (String outcome : List.of("delivered", "retrying", "failed")) {
                counter(receiver, outcome);
            }
        }
    }

    /** Sends every delivery due at {@code now}, one after another; the attempts are recorded at {@code now}. */
    public Mono<Void> deliverDue(Instant now) {
        Instant leaseUntil = now.plus(settings.timeout()).plusSeconds(30);
        return store.claimDue(now, leaseUntil, settings.batchSize())
                .concatMap(delivery -> routing.current().flatMap(current -> attempt(current.receivers(), delivery, now)))
                .then();
    }

    private Mono<Void> attempt(Receivers receivers, Delivery delivery, Instant now) {
        Optional<Mono<Void>> send = receivers.get(delivery.receiver()).flatMap(r -> send(r, delivery, now));
        if (send.isEmpty()) {
            return failed(delivery, now, "receiver " + delivery.receiver() + " has no " + delivery.integration() + " #"
                    + delivery.integrationIndex() + " any more", false);
        }
        return send.get()
                .timeout(settings.timeout())
                .then(Mono.defer(() -> {
                    count(delivery, "delivered");
                    return store.delivered(delivery.id(), now).then(failing.evaluate(delivery.receiver(), now));
                }))
                .onErrorResume(e -> failed(delivery, now, describe(e), true));
    }

    /** How to send the delivery to its integration, if the receiver still has that integration. */
    private Optional<Mono<Void>> send(ReceiverSettings receiver, Delivery delivery, Instant now) {
        int index = delivery.integrationIndex();
        return switch (delivery.integration()) {
            case Delivery.WEBHOOK -> element(receiver.webhooks(), index).map(w -> post(w.url(), delivery.body()));
            case Delivery.SLACK -> element(receiver.slack(), index).map(s -> post(s.url(), delivery.body()));
            case Delivery.PAGERDUTY -> element(receiver.pagerduty(), index)
                    .map(p -> Mono.defer(() -> post(p.url(), withRoutingKey(delivery.body(), p.routingKey()))));
            case Delivery.ALERTMANAGER -> element(receiver.alertmanager(), index)
                    .map(a -> post(alertsEndpoint(a.url()), delivery.body()));
            case Delivery.EMAIL -> element(receiver.email(), index)
                    .map(e -> mail.send(receiver.name() + "#" + index, e, delivery, now));
            default -> Optional.empty();
        };
    }

    private Mono<Void> post(URI url, String body) {
        return http.post().uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .retrieve()
                .toBodilessEntity()
                .then();
    }

    /** The stored PagerDuty event with the routing key, a secret that is never stored, put first. */
    private String withRoutingKey(String body, String routingKey) {
        ObjectNode event = json.createObjectNode();
        event.put("routing_key", routingKey);
        for (Map.Entry<String, JsonNode> field : json.readTree(body).properties()) {
            event.set(field.getKey(), field.getValue());
        }
        return json.writeValueAsString(event);
    }

    /** {@code <url>/api/v2/alerts}, keeping a path prefix the Alertmanager is served under. */
    static URI alertsEndpoint(URI base) {
        String url = base.toString();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return URI.create(url + "/api/v2/alerts");
    }

    private static <T> Optional<T> element(List<T> list, int index) {
        return index < list.size() ? Optional.of(list.get(index)) : Optional.empty();
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
        return store.attemptFailed(delivery.id(), now, error, next)
                .then(giveUp ? failing.evaluate(delivery.receiver(), now) : Mono.empty());
    }

    /** {@code initial × 2^(attempts − 1)}, at most {@code max-backoff}. */
    Duration backoff(int attempts) {
        Duration delay = settings.initialBackoff();
        for (int i = 1; i < attempts && delay.compareTo(settings.maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    private void count(Delivery delivery, String outcome) {
        counter(delivery.receiver(), outcome).increment();
    }

    private Counter counter(String receiver, String outcome) {
        return Counter.builder(METRIC)
                .description("Attempts to deliver alert notifications, by receiver and outcome")
                .tag("receiver", receiver)
                .tag("outcome", outcome)
                .register(metrics);
    }

    /**
     * What went wrong, without the URL, address or credentials: the HTTP status, a timeout, or the kind of
     * connection or mail failure.
     */
    static String describe(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            return "HTTP " + response.getStatusCode().value() + " " + response.getStatusText();
        }
        if (error instanceof TimeoutException) {
            return "no answer in time";
        }
        if (error instanceof MailException) {
            Throwable cause = error instanceof MailSendException send && !send.getFailedMessages().isEmpty()
                    ? send.getFailedMessages().values().iterator().next() : error;
            return "mail failed: " + root(cause).getClass().getSimpleName();
        }
        return "request failed: " + root(error).getClass().getSimpleName();
    }

    private static Throwable root(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
