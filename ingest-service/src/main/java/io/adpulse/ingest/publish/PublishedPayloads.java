package io.adpulse.ingest.publish;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells which encoded events are already on a topic, by reading the last records of each of its partitions. The
 * webhook relay (WebhookService) asks before it publishes a notification again: the inline publication may have reached Kafka
 * although it was not marked (a crash between the two, a database or broker outage answering the send with a
 * timeout), and publishing it again would put a second record of the same event on the topic. Records are
 * compared byte for byte with what the relay would send, which is exactly what was sent the first time.
 * Blocking (a plain Kafka consumer, assigned, never committing): call it off the event loop.
 */
@Component
public class PublishedPayloads {

    /** How far back each partition is read. A notification published earlier than this is published again. */
    public static final int TAIL_RECORDS = 5_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ConsumerFactory<String, byte[]> consumers;

    PublishedPayloads(ConsumerFactory<String, byte[]> consumers) {
        this.consumers = consumers;
    }

    /** The payloads among {@code payloads} found in the last {@link #TAIL_RECORDS} records of a partition. */
    public Set<ByteBuffer> alreadyOn(String topic, Collection<byte[]> payloads) {
        Set<ByteBuffer> wanted = payloads.stream().map(ByteBuffer::wrap).collect(Collectors.toSet());
        Set<ByteBuffer> found = new HashSet<>();
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(null, "ingest-webhook-relay-check", null,
                overrides)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, TIMEOUT));
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, TIMEOUT);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(beginnings.get(partition), ends.get(partition) - TAIL_RECORDS));
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!wanted.isEmpty() && !readToEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the last records of " + topic + " in " + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        ByteBuffer value = ByteBuffer.wrap(record.value());
                        if (wanted.remove(value)) {
                            found.add(value);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static boolean readToEnd(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey(), TIMEOUT) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
