package io.adpulse.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The physical limit, as the other reference for the pipeline: the same records produced to a fresh topic with the
 * same partitions on the same broker, and consumed by one plain consumer that does nothing with them. The clock runs
 * from the first send until the consumer has seen the last record.
 */
final class RawKafkaReference {

    private RawKafkaReference() {
    }

    static long run(Infrastructure infra, List<Map.Entry<String, byte[]>> records, String topic, Duration timeout)
            throws InterruptedException {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        try (Admin a = Admin.create(admin)) {
            Kafka.get(a.createTopics(List.of(new NewTopic(topic,
                    io.adpulse.testsupport.EmbeddedKafkaServer.PARTITIONS, (short) 1))).all(), "creating " + topic);
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + topic);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        CountDownLatch assigned = new CountDownLatch(1);
        AtomicLong lastSeen = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread consumerThread = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
                consumer.subscribe(List.of(topic));
                long seen = 0;
                while (seen < records.size() && System.nanoTime() < deadline) {
                    ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(100));
                    if (!consumer.assignment().isEmpty()) {
                        assigned.countDown();
                    }
                    seen += batch.count();
                }
                lastSeen.set(seen == records.size() ? System.nanoTime() : -1);
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                assigned.countDown();
            }
        }, "bench-raw-consumer");
        consumerThread.start();
        if (!assigned.await(timeout.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the raw consumer got no partitions of " + topic);
        }
        long start = System.nanoTime();
        Kafka.produceAll(infra.bootstrapServers(), topic, records);
        consumerThread.join(timeout.toMillis());
        if (failure.get() != null) {
            throw new IllegalStateException("raw consumer failed: " + failure.get().getMessage(), failure.get());
        }
        if (lastSeen.get() <= 0) {
            throw new IllegalStateException("the raw consumer did not see all " + records.size() + " records in " + timeout);
        }
        return lastSeen.get() - start;
    }
}
