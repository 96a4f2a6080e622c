package io.adpulse.auth.webhooks;

import io.adpulse.auth.config.AuthProperties;
import io.adpulse.auth.connection.RevocationService;
import io.adpulse.events.EventCodec;
import io.adpulse.events.Topics;
import io.adpulse.events.WebhookReceived;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads {@code WebhookReceived} events and revokes the creator connection of a TikTok user who removed Adpulse's
 * access ({@code authorization.removed} for Adpulse's Login Kit client key) through
 * {@link RevocationService#revokeRemovedAtTikTok}. Other events, other apps' notifications and users without a
 * revocable connection are ignored; a redelivery changes nothing. Like the other listeners it waits for the effect on
 * the Kafka consumer thread, so a failure reaches the container's error handler (retries, then
 * {@code tiktok.webhooks.v1.dlt}); a record that is not a {@code WebhookReceived} event is dead-lettered at once.
 */
@Component
class WebhookListener {

    /** Longest wait for one record's effect; well below {@code max.poll.interval.ms}. */
    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(30);
    private static final String REASON = "reason";

    private static final Logger log = LoggerFactory.getLogger(WebhookListener.class);

    private final EventCodec codec;
    private final RevocationService revocations;
    private final String clientKey;

    WebhookListener(EventCodec codec, RevocationService revocations, AuthProperties properties) {
        this.codec = codec;
        this.revocations = revocations;
        this.clientKey = properties.tiktok().clientKey();
    }

    @KafkaListener(id = "auth-service-webhooks", idIsGroup = false, topics = Topics.WEBHOOKS)
    void onWebhook(ConsumerRecord<String, byte[]> record) {
        WebhookReceived webhook = codec.decode(record.value(), WebhookReceived.class).data();
        if (!WebhookReceived.AUTHORIZATION_REMOVED.equals(webhook.event())) {
            log.debug("Ignoring TikTok webhook {} ({}): not handled by auth-service", webhook.deliveryId(),
                    webhook.event());
            return;
        }
        if (!clientKey.equals(webhook.clientKey())) {
            log.debug("Ignoring TikTok webhook {}: for another client key", webhook.deliveryId());
            return;
        }
        if (webhook.userOpenId() == null || webhook.userOpenId().isBlank()) {
            log.debug("Ignoring TikTok webhook {}: it names no user", webhook.deliveryId());
            return;
        }
        RemovalReason reason = RemovalReason.ofCode(webhook.content() == null ? null : webhook.content().get(REASON));
        revocations.revokeRemovedAtTikTok(webhook.userOpenId(), reason.name(), webhook.createTime())
                .switchIfEmpty(Mono.fromRunnable(() -> log.debug(
                        "TikTok webhook {}: no revocable creator connection for the user; nothing to do",
                        webhook.deliveryId())))
                .block(EFFECT_TIMEOUT);
    }
}
