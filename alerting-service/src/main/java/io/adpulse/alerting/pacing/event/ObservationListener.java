package io.adpulse.alerting.pacing.event;

import java.time.Duration;

import io.adpulse.alerting.health.evaluation.HealthIntake;
import io.adpulse.alerting.pacing.evaluation.ObservationIntake;
import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventCodec;
import io.adpulse.events.InvalidEventException;
import io.adpulse.events.MetricObserved;
import io.adpulse.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Consumes {@code tiktok.entities.v1} and {@code tiktok.metrics.v1}: decodes each record and makes one
 * intake call. Decoding happens inside the returned {@code Mono}, so an invalid record fails it and the
 * container's error handler sends the record to the topic's dead-letter topic with the reason.
 */
@Component
class ObservationListener {

    /**
     * Longest wait for one record's effect, retries included; well below {@code max.poll.interval.ms}. Listeners
     * run on a Kafka consumer thread and wait there, so that a failure reaches the container's error handler and
     * the dead-letter topic: Spring Kafka 4.0 only logs and acknowledges the failure of a {@code Mono}-returning
     * record listener.
     */
    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(60);

    private final EventCodec codec;
    private final ObservationIntake intake;
    private final HealthIntake health;
    private final Retry retry;

    ObservationListener(EventCodec codec, ObservationIntake intake, HealthIntake health, Retry listenerRetry) {
        this.codec = codec;
        this.intake = intake;
        this.health = health;
        this.retry = listenerRetry;
    }

    /**
     * A tombstone (null value) on the compacted entity topic, keyed by {@link EntityObserved#stateKey()}, means that
     * entity is gone: an advertiser's tombstone forgets the advertiser and everything under it. Tombstones of lower
     * levels need nothing here: a deleted campaign keeps its history and stops pacing through its snapshot status.
     */
    @KafkaListener(topics = Topics.ENTITIES)
    void onEntity(ConsumerRecord<String, byte[]> record) {
        Mono.defer(() -> {
            if (record.value() == null) {
                String[] key = record.key() == null ? new String[0] : record.key().split("\\|", -1);
                if (key.length != 3) {
                    return Mono.error(new InvalidEventException("tombstone key '" + record.key()
                            + "' is not advertiserId|LEVEL|entityId"));
                }
                return EntityLevel.ADVERTISER.name().equals(key[1]) ? intake.advertiserRemoved(key[0]) : Mono.empty();
            }
            return intake.entityObserved(codec.decode(record.value(), EntityObserved.class).data());
        }).retryWhen(retry).block(EFFECT_TIMEOUT);
    }

    /**
     * A metric observation feeds the campaign rules and tells the API-health rules that its connection syncs (one
     * listener for both: a second consumer of the topic in the same group would get only some of its partitions).
     */
    @KafkaListener(topics = Topics.METRICS)
    void onMetric(ConsumerRecord<String, byte[]> record) {
        Mono.defer(() -> {
            MetricObserved metric = codec.decode(record.value(), MetricObserved.class).data();
            return intake.metricObserved(metric)
                    .then(Mono.defer(() -> health.metricSeen(metric.connectionId(), metric.observedAt())));
        }).retryWhen(retry).block(EFFECT_TIMEOUT);
    }
}
