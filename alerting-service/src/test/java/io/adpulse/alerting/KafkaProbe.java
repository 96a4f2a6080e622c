package io.adpulse.alerting;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Test access to the embedded broker: produces records, reads topics from the beginning without a
 * consumer group, and reads the offsets a consumer group has committed.
 */
public final class KafkaProbe {

    private final String bootstrapServers;
    private final Map<String, List<ConsumerRecord<String, byte[]>>> seen = new HashMap<>();
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> consumer;

    KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public synchronized RecordMetadata send(String topic, String key, byte[] value) {
        try {
            return producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits until {@code topic} holds at least one record matching {@code match}, then returns all matches. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            found.clear();
            found.addAll(records(topic).stream().filter(match).toList());
            return !found.isEmpty();
        });
        return found;
    }

    /** Every record of {@code topic} read so far, after reading what has arrived since. */
    public synchronized List<ConsumerRecord<String, byte[]>> records(String topic) {
        KafkaConsumer<String, byte[]> reader = consumer();
        Set<String> subscribed = reader.assignment().stream().map(TopicPartition::topic).collect(Collectors.toSet());
        if (!subscribed.contains(topic)) {
            List<TopicPartition> partitions = new ArrayList<>(reader.assignment());
            List<TopicPartition> added = reader.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            partitions.addAll(added);
            reader.assign(partitions);
            reader.seekToBeginning(added);
        }
        reader.poll(Duration.ofMillis(200)).forEach(r -> seen.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r));
        return List.copyOf(seen.getOrDefault(topic, List.of()));
    }

    /** The offset {@code group} has committed on a partition; -1 when it has committed none. */
    public long committedOffset(String group, TopicPartition partition) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(partition);
            return committed == null ? -1 : committed.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    synchronized void reset() {
        seen.clear();
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(),
                    new ByteArrayDeserializer());
        }
        return consumer;
    }
}
