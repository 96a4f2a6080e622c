package io.adpulse.reporting.metric;

import io.adpulse.events.EventCodec;
import io.adpulse.events.MetricObserved;
import io.adpulse.events.Topics;
import io.adpulse.reporting.kafka.KafkaConsumerConfig;
import io.adpulse.reporting.kafka.Listeners;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Applies records of {@code tiktok.metrics.v1} a poll at a time: every record is decoded and checked, the batch is
 * written with one statement per table in one transaction ({@link MetricObservations#applyAll}), and the container
 * commits the poll's offsets once this returns, after that transaction. A record that cannot be applied (not
 * a CloudEvent, another event type, data violating the schema, empty) ends the batch there: the records before it are
 * stored and committed, it goes to {@code tiktok.metrics.v1.dlt} through the container's error handler, and the
 * records after it come again with the next poll. A failure to store (the database away) retries the batch and
 * finally dead-letters its records, as for single records.
 */
@Component
class MetricObservationListener {

    private final EventCodec codec;
    private final MetricObservations observations;

    MetricObservationListener(EventCodec codec, MetricObservations observations) {
        this.codec = codec;
        this.observations = observations;
    }

    @KafkaListener(topics = Topics.METRICS, containerFactory = KafkaConsumerConfig.BATCH_FACTORY,
            properties = "max.poll.records=1000")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<MetricObservations.Prepared> batch = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                batch.add(observations.prepare(codec.decode(records.get(i).value(), MetricObserved.class)));
            } catch (RuntimeException invalid) {
                Listeners.await(observations.applyAll(batch));
                throw new BatchListenerFailedException(invalid.getMessage(), invalid, i);
            }
        }
        Listeners.await(observations.applyAll(batch));
    }
}
