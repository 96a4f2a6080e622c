package io.adpulse.bench;

import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.MetricObserved;
import io.adpulse.events.Topics;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real pipeline: reporting-service runs as its own JVM from its executable jar against the embedded broker and
 * database; once its consumer group holds every partition of {@code tiktok.metrics.v1}, the workload is produced there
 * and the clock runs until reporting-service's tables hold the latest observation of every key (row counts and the
 * sum of impressions both match what the workload says).
 */
final class PipelineThroughput {

    private static final Logger log = LoggerFactory.getLogger(PipelineThroughput.class);
    static final String DATABASE = "reporting";
    static final String GROUP = "reporting-service";

    /** Elapsed time of the produce-to-applied run and of producing alone. */
    record Result(long elapsedNanos, long produceNanos) {
    }

    private PipelineThroughput() {
    }

    /**
     * Runs {@code warmup} through reporting-service unmeasured (its JVM starts cold), then {@code workload} measured.
     * The two workloads share no key.
     */
    static Result run(Infrastructure infra, MetricWorkload warmup, MetricWorkload workload, Path reportingJar,
            Path logDir, Duration timeout) throws Exception {
        Map<String, String> env = infra.serviceEnvironment(DATABASE);
        List<Map.Entry<String, byte[]>> records = records(workload);
        try (ServiceJvm reporting = ServiceJvm.start(reportingJar, ServiceJvm.freePort(), env,
                logDir.resolve("reporting-service.log"))) {
            reporting.awaitReady(Duration.ofMinutes(3));
            awaitAssignment(infra.bootstrapServers(), GROUP, List.of(Topics.METRICS), Duration.ofMinutes(1));
            log.info("reporting-service ready and subscribed; producing {} observations", records.size());
            try (Connection db = infra.connect(DATABASE)) {
                Kafka.produceAll(infra.bootstrapServers(), Topics.METRICS, records(warmup));
                awaitApplied(db, List.of(warmup), timeout, reporting);
                long start = System.nanoTime();
                Kafka.produceAll(infra.bootstrapServers(), Topics.METRICS, records);
                long produced = System.nanoTime() - start;
                awaitApplied(db, List.of(warmup, workload), timeout, reporting);
                return new Result(System.nanoTime() - start, produced);
            }
        }
    }

    static List<Map.Entry<String, byte[]>> records(MetricWorkload workload) {
        EventCodec codec = new EventCodec();
        List<Map.Entry<String, byte[]>> records = new ArrayList<>(workload.size());
        for (EventEnvelope<MetricObserved> e : workload.events()) {
            records.add(new AbstractMap.SimpleImmutableEntry<>(e.subject(), codec.encode(e)));
        }
        return records;
    }

    private static void awaitApplied(Connection db, List<MetricWorkload> workloads, Duration timeout, ServiceJvm reporting)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!applied(db, workloads)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reporting-service did not apply every observation in " + timeout
                        + "; its log:\n" + reporting.tail());
            }
            Thread.sleep(100);
        }
    }

    /** True once reporting-service's tables hold exactly the latest observation of every key of the workloads. */
    static boolean applied(Connection db, List<MetricWorkload> workloads) throws SQLException {
        long daily = workloads.stream().mapToLong(MetricWorkload::expectedDailyRows).sum();
        long hourly = workloads.stream().mapToLong(MetricWorkload::expectedHourlyRows).sum();
        BigDecimal impressions = workloads.stream().map(MetricWorkload::expectedImpressions)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                select (select count(*) from daily_metric), (select count(*) from hourly_metric),
                       (select coalesce(sum(impressions), 0) from daily_metric)
                     + (select coalesce(sum(impressions), 0) from hourly_metric)""")) {
            rs.next();
            return rs.getLong(1) == daily && rs.getLong(2) == hourly && rs.getBigDecimal(3).compareTo(impressions) == 0;
        } catch (SQLException tablesNotYetCreated) {
            if ("42P01".equals(tablesNotYetCreated.getSQLState())) {
                return false;
            }
            throw tablesNotYetCreated;
        }
    }

    /**
     * Waits until a service's consumer group {@code group} is stable and its members hold every partition of each of
     * {@code topics} (the embedded broker's topics all have {@link io.adpulse.testsupport.EmbeddedKafkaServer#PARTITIONS}).
     */
    static void awaitAssignment(String bootstrapServers, String group, List<String> topics, Duration timeout)
            throws InterruptedException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(p)) {
            while (System.nanoTime() < deadline) {
                Map<String, ConsumerGroupDescription> groups;
                try {
                    groups = admin.describeConsumerGroups(List.of(group)).all().get();
                } catch (java.util.concurrent.ExecutionException notYet) {
                    Thread.sleep(200);
                    continue;
                }
                List<org.apache.kafka.common.TopicPartition> held = groups.get(group).members().stream()
                        .map(MemberDescription::assignment).flatMap(a -> a.topicPartitions().stream()).toList();
                if (topics.stream().allMatch(topic -> held.stream().filter(tp -> tp.topic().equals(topic)).count()
                        == io.adpulse.testsupport.EmbeddedKafkaServer.PARTITIONS)) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the consumer group " + group + " did not take " + topics + " within "
                + timeout);
    }

    static BigDecimal throughput(int observations, long nanos) {
        return BigDecimal.valueOf(observations * 1e9 / nanos);
    }
}
