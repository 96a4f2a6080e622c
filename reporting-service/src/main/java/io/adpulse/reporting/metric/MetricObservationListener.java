package io.adpulse.reporting.metric;

import io.adpulse.events.EventCodec;
import io.adpulse.events.MetricObserved;
import io.adpulse.events.Topics;
import io.adpulse.reporting.kafka.Listeners;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Translates records of {@code tiktok.metrics.v1} into one call on {@link MetricObservations}. A record that
 * cannot be applied (not a CloudEvent, another event type, data violating the schema, empty, or still
 * failing after retries) goes to {@code tiktok.metrics.v1.dlt} through the container's error handler.
 */
@Component
class MetricObservationListener {

    private final EventCodec codec;
    private final MetricObservations observations;

    MetricObservationListener(EventCodec codec, MetricObservations observations) {
        this.codec = codec;
        this.observations = observations;
    }

    @KafkaListener(topics = Topics.METRICS)
    void onRecord(ConsumerRecord<String, byte[]> record) {
        Listeners.await(observations.apply(codec.decode(record.value(), MetricObserved.class)));
    }
}
