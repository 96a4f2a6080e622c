package io.adpulse.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import io.adpulse.events.WebhookReceived;
import io.adpulse.ingest.IngestServiceTestBase;
import io.adpulse.ingest.TopicReader;
import io.adpulse.ingest.publish.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The relay that publishes stored notifications whose inline publication failed: one whose record did reach Kafka
 * before the service could mark it (a crash, a database outage) is only marked, never published a second time.
 */
class WebhookRelayTest extends IngestServiceTestBase {

    private static final String EVENT = "portability.download.ready";

    @Autowired
    WebhookInbox inbox;

    @Autowired
    EventPublisher publisher;

    @Autowired
    EventCodec codec;

    @Autowired
    Clock clock;

    @Test
    void aNotificationAlreadyOnTheTopicIsOnlyMarkedAndAMissingOneIsPublishedOnce() {
        String alreadySent = "act.relay" + UUID.randomUUID().toString().replace("-", "");
        String neverSent = "act.relay" + UUID.randomUUID().toString().replace("-", "");
        Instant received = clock.instant().minusSeconds(60);
        byte[] sentPayload = encoded(alreadySent, received);
        byte[] missingPayload = encoded(neverSent, received);

        // the first one's inline publication reached Kafka, then the service died before marking it
        publisher.publishEncoded(Topics.WEBHOOKS, alreadySent, sentPayload).block(Duration.ofSeconds(10));
        inbox.accept(alreadySent, EVENT, alreadySent, alreadySent, sentPayload, received).block(Duration.ofSeconds(10));
        inbox.accept(neverSent, EVENT, neverSent, neverSent, missingPayload, received).block(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                inbox.unpublished(1_000, clock.instant()).map(WebhookInbox.Pending::deliveryId)
                        .collectList().block(Duration.ofSeconds(10)))
                .doesNotContain(alreadySent, neverSent));
        assertThat(recordsFor(alreadySent)).isEqualTo(1);
        assertThat(recordsFor(neverSent)).isEqualTo(1);
    }

    private byte[] encoded(String openId, Instant received) {
        WebhookReceived data = new WebhookReceived(openId, EVENT, "sandbox-app", openId, received,
                Map.of("note", "relay test"), received);
        return codec.encode(EventEnvelope.of(EventPublisher.SOURCE, openId, received, data, openId));
    }

    private static long recordsFor(String key) {
        return TopicReader.readAll(Topics.WEBHOOKS).stream().filter(r -> key.equals(r.key())).count();
    }
}
