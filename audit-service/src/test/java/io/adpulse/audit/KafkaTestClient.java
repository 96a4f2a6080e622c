package io.adpulse.audit;

import static org.awaitility.Awaitility.await;

import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients for tests: publish records as a producer service would, wait until the service's
 * consumer group has committed everything on a topic, rewind the group, and count what a topic holds.
 */
public final class KafkaTestClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String groupId;
    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;

    KafkaTestClient(String bootstrapServers, String groupId) {
        this.groupId = groupId;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(p);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Publishes the event on its topic, keyed by its subject, as CloudEvents JSON. */
    public RecordMetadata publish(EventEnvelope<?> event) {
        return publish(event.topic(), event.subject(), codec.encode(event));
    }

    /** Publishes raw bytes ({@code null} for a tombstone) and waits for the broker's acknowledgement. */
    public RecordMetadata publish(String topic, String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        try {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Waits until the consumer group has committed every record published so far on each topic. */
    public void awaitConsumed(String... topics) {
        for (String topic : topics) {
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> lag(topic) == 0);
        }
    }

    /** Sets the group's committed offset of one partition; retried until the group has no member left. */
    public void rewind(TopicPartition partition, long offset) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            admin.alterConsumerGroupOffsets(groupId, Map.of(partition, new OffsetAndMetadata(offset))).all().get();
            return true;
        });
    }

    /** How many records {@code topic} holds across its partitions (end offsets; nothing is deleted in tests). */
    public long size(String topic) throws Exception {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    private long lag(String topic) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(topic);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    private Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                .all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
