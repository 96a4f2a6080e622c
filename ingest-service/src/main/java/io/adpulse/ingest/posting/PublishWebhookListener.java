package io.adpulse.ingest.posting;

import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.InvalidEventException;
import io.adpulse.events.Topics;
import io.adpulse.events.WebhookReceived;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code tiktok.webhooks.v1} (the notifications ingest-service's webhook endpoint accepted) for TikTok's
 * {@code post.publish.*} events, which finish a post before its next status check. Other events are not ingest's to
 * act on (auth-service handles {@code authorization.removed}). Synchronous like every listener here.
 */
@Component
class PublishWebhookListener {

    static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(30);

    private final EventCodec codec;
    private final Publishing publishing;

    PublishWebhookListener(EventCodec codec, Publishing publishing) {
        this.codec = codec;
        this.publishing = publishing;
    }

    @KafkaListener(id = "ingest-service-publish-webhooks", idIsGroup = false, topics = Topics.WEBHOOKS)
    void onRecord(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new InvalidEventException("tombstone on " + Topics.WEBHOOKS);
        }
        EventEnvelope<?> event = codec.decode(record.value());
        if (!(event.data() instanceof WebhookReceived webhook)) {
            throw new InvalidEventException("event " + event.id() + " of type " + event.type().type()
                    + " does not belong on " + Topics.WEBHOOKS);
        }
        if (webhook.event().startsWith("post.publish.")) {
            publishing.onWebhook(webhook.event(), webhook.content()).block(EFFECT_TIMEOUT);
        }
    }
}
