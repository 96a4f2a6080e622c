package io.adpulse.ingest.webhook;

import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import io.adpulse.events.WebhookReceived;
import io.adpulse.ingest.publish.EventPublisher;
import io.adpulse.ingest.publish.PublishedPayloads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Accepts TikTok webhook deliveries: verify the signature, parse, store once in the inbox, publish a
 * {@link WebhookReceived} on {@code tiktok.webhooks.v1}. A delivery is acknowledged once it is stored, so TikTok
 * stops retrying even when Kafka is briefly away; a relay publishes what the inline publish could not. The event id
 * derives from the delivery id, so a consumer can tell a re-publication from a new notification.
 *
 * <p>A body with a valid signature that cannot be read is refused with 400 and kept on {@code tiktok.webhooks.v1.dlt}
 * with the reason; a body without a valid signature is refused with 401 and not kept (anyone can send one).
 */
@Service
class WebhookService implements SmartLifecycle {

    /** Outcome of an accepted delivery, as answered to TikTok. */
    record Accepted(String deliveryId, String event, boolean duplicate) {
    }

    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);
    private static final Duration RELAY_INTERVAL = Duration.ofSeconds(5);
    /**
     * Rows younger than this may still be being published inline; the relay leaves them alone. Longer than the
     * producer's {@code delivery.timeout.ms} (30 s): a send still retried inline could otherwise land after the relay
     * looked for it on the topic and published it again.
     */
    private static final Duration RELAY_GRACE = Duration.ofSeconds(45);
    private static final int RELAY_BATCH = 100;

    private final SignatureVerifier verifier;
    private final WebhookParser parser;
    private final WebhookInbox inbox;
    private final EventPublisher publisher;
    private final EventCodec codec;
    private final PublishedPayloads published;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile Disposable relay;

    WebhookService(WebhookSettings settings, WebhookInbox inbox, EventPublisher publisher,
            EventCodec codec, PublishedPayloads published, Clock clock, MeterRegistry meters) {
        this.verifier = new SignatureVerifier(settings.secrets(), settings.tolerance());
        this.parser = new WebhookParser(settings.clientKey());
        this.inbox = inbox;
        this.publisher = publisher;
        this.codec = codec;
        this.published = published;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Handles one delivery.
     *
     * @throws WebhookRejectedException (as an error signal) when the signature or the body is refused
     */
    Mono<Accepted> receive(String signature, byte[] body) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            try {
                verifier.verify(signature, body, now);
            } catch (WebhookRejectedException e) {
                count("rejected", e.reason());
                return Mono.error(e);
            }
            WebhookReceived data;
            try {
                data = parser.parse(body, now);
            } catch (WebhookRejectedException e) {
                count("rejected", e.reason());
                return deadLetter(body, e.getMessage()).then(Mono.error(e));
            }
            String key = data.userOpenId().isEmpty() ? data.event() : data.userOpenId();
            EventEnvelope<WebhookReceived> event = EventEnvelope.of(EventPublisher.SOURCE, key, now, data,
                    data.deliveryId());
            byte[] payload = codec.encode(event);
            return inbox.accept(data.deliveryId(), data.event(), data.userOpenId(), key, payload, now)
                    .flatMap(stored -> {
                        Accepted accepted = new Accepted(data.deliveryId(), data.event(), !stored);
                        count(stored ? "accepted" : "duplicate", data.event());
                        if (!stored) {
                            return Mono.just(accepted);
                        }
                        return publish(new WebhookInbox.Pending(data.deliveryId(), key, payload))
                                .onErrorResume(e -> {
                                    log.warn("Webhook {} stored but not yet published ({}); the relay retries",
                                            data.deliveryId(), e.toString());
                                    return Mono.empty();
                                })
                                .thenReturn(accepted);
                    });
        });
    }

    private Mono<Void> publish(WebhookInbox.Pending pending) {
        return publisher.publishEncoded(Topics.WEBHOOKS, pending.recordKey(), pending.payload())
                .then(Mono.defer(() -> inbox.markPublished(pending.deliveryId(), clock.instant())));
    }

    /**
     * Publishes stored notifications whose inline publication failed (Kafka away, a crash after the commit). Those
     * whose record is already on the topic (the send succeeded but was not marked) are only marked, so that a
     * notification is published in one record.
     */
    Mono<Long> relayPending() {
        Instant cutoff = clock.instant().minus(RELAY_GRACE);
        return inbox.unpublished(RELAY_BATCH, cutoff).collectList().flatMap(pending -> pending.isEmpty()
                ? Mono.just(0L)
                : Mono.fromCallable(() -> published.alreadyOn(Topics.WEBHOOKS,
                                pending.stream().map(WebhookInbox.Pending::payload).toList()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(already -> Flux.fromIterable(pending)
                                .concatMap(p -> already.contains(ByteBuffer.wrap(p.payload()))
                                        ? inbox.markPublished(p.deliveryId(), clock.instant()).thenReturn(0L)
                                        : publish(p).thenReturn(1L))
                                .reduce(0L, Long::sum)
                                .doOnNext(sent -> log.info("Relayed {} webhook notification(s) to {}; {} already there"
                                        + " (published, not marked) were only marked", sent, Topics.WEBHOOKS,
                                        pending.size() - sent))));
    }

    private Mono<Void> deadLetter(byte[] body, String reason) {
        return publisher.deadLetter(Topics.WEBHOOKS, "malformed", body, reason)
                .doOnError(e -> log.warn("Malformed webhook could not be dead-lettered: {}", e.toString()))
                .onErrorResume(e -> Mono.empty());
    }

    private void count(String outcome, String detail) {
        Counter.builder("adpulse.webhooks")
                .description("TikTok webhook deliveries by outcome (accepted, duplicate, rejected) and event or reason")
                .tag("outcome", outcome)
                .tag("detail", outcome.equals("rejected") ? detail : eventLabel(detail))
                .register(meters)
                .increment();
    }

    /** Event names come from TikTok; unknown ones share one label so the metric stays bounded. */
    private static String eventLabel(String event) {
        return event.matches("[a-z_]+(\\.[a-z_]+){1,3}") && event.length() <= 64 ? event : "other";
    }

    @Override
    public void start() {
        relay = Flux.interval(RELAY_INTERVAL, RELAY_INTERVAL)
                .onBackpressureDrop()
                .concatMap(tick -> relayPending().onErrorResume(e -> {
                    log.warn("Webhook relay failed; retrying in {}: {}", RELAY_INTERVAL, e.toString());
                    return Mono.empty();
                }), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = relay;
        if (current != null) {
            current.dispose();
        }
        relay = null;
    }

    @Override
    public boolean isRunning() {
        return relay != null && !relay.isDisposed();
    }
}
