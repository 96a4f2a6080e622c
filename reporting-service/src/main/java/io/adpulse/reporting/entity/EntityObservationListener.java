package io.adpulse.reporting.entity;

import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventCodec;
import io.adpulse.events.Topics;
import io.adpulse.reporting.kafka.Listeners;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Translates records of {@code tiktok.entities.v1} into one call on {@link EntityObservations}. A record that
 * cannot be applied (not a valid entity event, or still failing after retries) goes to
 * {@code tiktok.entities.v1.dlt} through the container's error handler.
 */
@Component
class EntityObservationListener {

    private final EventCodec codec;
    private final EntityObservations observations;

    EntityObservationListener(EventCodec codec, EntityObservations observations) {
        this.codec = codec;
        this.observations = observations;
    }

    @KafkaListener(topics = Topics.ENTITIES)
    void onRecord(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            Listeners.await(observations.tombstone(record.key()));
            return;
        }
        Listeners.await(observations.apply(codec.decode(record.value(), EntityObserved.class)));
    }
}
