package io.adpulse.reporting.organic;

import io.adpulse.events.EventCodec;
import io.adpulse.events.InvalidEventException;
import io.adpulse.events.OrganicVideoObserved;
import io.adpulse.events.Topics;
import io.adpulse.reporting.kafka.Listeners;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Translates records of {@code tiktok.organic.v1} into one call on {@link OrganicVideos}. A record that cannot be
 * applied (not a valid organic video event, or still failing after retries) goes to {@code tiktok.organic.v1.dlt}
 * through the container's error handler.
 */
@Component
class OrganicVideoListener {

    private final EventCodec codec;
    private final OrganicVideos videos;

    OrganicVideoListener(EventCodec codec, OrganicVideos videos) {
        this.codec = codec;
        this.videos = videos;
    }

    @KafkaListener(topics = Topics.ORGANIC)
    void onRecord(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new InvalidEventException("tombstone on " + Topics.ORGANIC + " (key " + record.key()
                    + "): organic videos are erased by privacy requests, not by tombstones");
        }
        Listeners.await(videos.apply(codec.decode(record.value(), OrganicVideoObserved.class)));
    }
}
