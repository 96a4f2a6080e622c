package io.adpulse.testsupport;

import io.adpulse.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node Kafka broker in KRaft mode (Kafka's own server classes via spring-kafka-test),
 * with every Adpulse topic and its dead-letter topic created up front: state topics compacted, the
 * rest deleted by time. Nothing is auto-created, so a misspelt topic fails loudly.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    /** Partitions per topic; several, so ordering by record key is actually exercised. */
    public static final int PARTITIONS = 3;

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /** Starts a broker on {@code port}, or on a free port when {@code port} is 0. */
    public static EmbeddedKafkaServer start(int port) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        if (port > 0) {
            broker.kafkaPorts(port);
        }
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0",
                "log.flush.interval.messages", "1000000",
                "offsets.topic.num.partitions", "5"));
        broker.afterPropertiesSet();
        broker.addTopics(adpulseTopics().toArray(NewTopic[]::new));
        return new EmbeddedKafkaServer(broker);
    }

    static List<NewTopic> adpulseTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : Topics.ALL) {
            String policy = Topics.COMPACTED.contains(name) ? TopicConfig.CLEANUP_POLICY_COMPACT
                    : TopicConfig.CLEANUP_POLICY_DELETE;
            topics.add(new NewTopic(name, PARTITIONS, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, policy)));
            topics.add(new NewTopic(Topics.deadLetter(name), PARTITIONS, (short) 1));
        }
        return topics;
    }

    /**
     * Stops the broker (its listener closes, every client loses its connections) and starts it again on the same port
     * with the same log directories, as an operator's restart would. The KRaft controller of the node keeps running,
     * so the cluster's metadata survives as it would on a multi-node cluster.
     */
    public void restartBroker() {
        for (BrokerServer server : broker.getCluster().brokers().values()) {
            server.shutdown();
            server.awaitShutdown();
            server.startup();
        }
    }

    /** {@code host:port} list for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
