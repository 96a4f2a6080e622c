package io.adpulse.bench;

import com.sun.net.httpserver.HttpServer;
import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Granularity;
import io.adpulse.events.MetricObserved;
import io.adpulse.events.Money;
import io.adpulse.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measure 3: alerting-service runs as its own JVM from its executable jar on the embedded broker and database, its
 * only receiver a webhook on a local HTTP server of the bench, with {@code group-wait} 0 s. Each of N campaigns has its
 * own advertiser (so each alert is its own notification group) and a daily budget; once alerting-service holds them
 * all, one MetricObserved of today's spend above the budget is produced per campaign, one every {@link #SPACING}, and
 * the clock runs from its send until the webhook receives the campaign's OVERSPEND alert. The reference, in the same
 * run on the same broker: the same records as seen by a plain consumer of {@code tiktok.metrics.v1} in the bench
 * (produce→consume). An unmeasured warm-up of other campaigns goes first (the service's JVM starts cold).
 */
final class AlertLatency {

    private static final Logger log = LoggerFactory.getLogger(AlertLatency.class);
    static final String DATABASE = "alerting";
    static final String GROUP = "alerting-service";
    static final String TIME_ZONE = "America/Los_Angeles";
    static final String BUDGET = "100.00";
    static final String SPEND = "150.00";
    /**
     * Time between two observations, so that each alert is timed on its own rather than in a burst; it also keeps the
     * alerts new in one notification pass (every second) well under 30: a burst of about 50 new alerts stalled
     * alerting-service's notifications altogether (none delivered, its dispatch transaction left open).
     */
    static final Duration SPACING = Duration.ofMillis(100);
    private static final String SOURCE = "/adpulse/ingest-service";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * Latencies of the measured campaigns, sorted, in nanoseconds: send → webhook, and send → plain consumer.
     *
     * @param campaigns    measured campaigns
     * @param warmup       campaigns of the unmeasured warm-up
     * @param alertNanos   send of the observation → the webhook received the campaign's alert
     * @param kafkaNanos   send of the same record → a plain consumer of the topic saw it
     * @param notifications webhook requests received in the measured part
     */
    record Result(int campaigns, int warmup, long[] alertNanos, long[] kafkaNanos, int notifications) {
    }

    private AlertLatency() {
    }

    static Result run(Infrastructure infra, int campaigns, int warmup, Path alertingJar, Path logDir, Duration timeout)
            throws Exception {
        Map<String, String> env = infra.serviceEnvironment(DATABASE);
        WebhookReceiver receiver = WebhookReceiver.start();
        List<String> arguments = List.of(
                "--adpulse.alerting.receivers[0].name=bench",
                "--adpulse.alerting.receivers[0].webhooks[0].url=http://127.0.0.1:" + receiver.port() + "/",
                "--adpulse.alerting.routes.receiver=bench",
                "--adpulse.alerting.routes.group-wait=0s");
        try (receiver; ServiceJvm alerting = ServiceJvm.start(alertingJar, ServiceJvm.freePort(), env, arguments,
                logDir.resolve("alerting-service.log"))) {
            alerting.awaitReady(Duration.ofMinutes(3));
            PipelineThroughput.awaitAssignment(infra.bootstrapServers(), GROUP, List.of(Topics.ENTITIES, Topics.METRICS),
                    Duration.ofMinutes(1));
            LocalDate today = LocalDate.now(ZoneId.of(TIME_ZONE));
            Instant now = Instant.now();
            List<String> warm = advertisers(0, warmup);
            List<String> measured = advertisers(warmup, campaigns);
            List<String> all = new ArrayList<>(warm);
            all.addAll(measured);
            Kafka.produceAll(infra.bootstrapServers(), Topics.ENTITIES, entities(all, now));
            try (Connection db = infra.connect(DATABASE)) {
                awaitCampaigns(db, all.size(), timeout, alerting);
            }
            log.info("alerting-service holds {} daily-budget campaigns; warming up with {}", all.size(), warm.size());
            try (ReferenceConsumer reference = ReferenceConsumer.start(infra.bootstrapServers(), timeout);
                    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                            Kafka.producerProperties(infra.bootstrapServers()))) {
                EventCodec codec = new EventCodec();
                for (String advertiser : warm) {
                    producer.send(record(codec, advertiser, today, Instant.now()));
                    Thread.sleep(SPACING.toMillis());
                }
                producer.flush();
                receiver.await(warm, timeout, alerting);
                int before = receiver.requests();
                Map<String, Long> sent = new ConcurrentHashMap<>();
                AtomicReference<Exception> failure = new AtomicReference<>();
                for (String advertiser : measured) {
                    ProducerRecord<String, byte[]> r = record(codec, advertiser, today, Instant.now());
                    sent.put(advertiser, System.nanoTime());
                    producer.send(r, (meta, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    Thread.sleep(SPACING.toMillis());
                }
                producer.flush();
                if (failure.get() != null) {
                    throw new IllegalStateException("producing to " + Topics.METRICS + " failed: "
                            + failure.get().getMessage(), failure.get());
                }
                receiver.await(measured, timeout, alerting);
                reference.await(measured, timeout);
                return new Result(campaigns, warmup,
                        latencies(measured, sent, advertiser -> receiver.arrivals().get(campaignOf(advertiser))),
                        latencies(measured, sent, advertiser -> reference.arrivals().get(advertiser)),
                        receiver.requests() - before);
            }
        }
    }

    /** Advertiser ids {@code from} .. {@code from + count - 1}; each has one campaign, whose id is derived from it. */
    private static List<String> advertisers(int from, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            ids.add(Long.toString(7_100_000_000_000_000_000L + i));
        }
        return ids;
    }

    static String campaignOf(String advertiserId) {
        return Long.toString(Long.parseLong(advertiserId) - 7_100_000_000_000_000_000L + 1_810_000_000_000_000_000L);
    }

    /** Each advertiser (with its time zone) and its campaign with a daily budget, as ingest-service publishes them. */
    private static List<Map.Entry<String, byte[]>> entities(List<String> advertisers, Instant observedAt) {
        EventCodec codec = new EventCodec();
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (String advertiser : advertisers) {
            EntityObserved account = new EntityObserved("conn-" + advertiser, advertiser, EntityLevel.ADVERTISER,
                    advertiser, null, "Bench advertiser " + advertiser, "STATUS_ENABLE", false, null, null, TIME_ZONE,
                    "USD", Map.of(), observedAt);
            String campaign = campaignOf(advertiser);
            EntityObserved paced = new EntityObserved("conn-" + advertiser, advertiser, EntityLevel.CAMPAIGN, campaign,
                    advertiser, "Bench campaign " + campaign, "ENABLE", false, Money.of(BUDGET, "USD"),
                    "BUDGET_MODE_DAY", null, null, Map.of("objective_type", "TRAFFIC"), observedAt);
            records.add(new AbstractMap.SimpleImmutableEntry<>(account.stateKey(), codec.encode(EventEnvelope.of(SOURCE,
                    advertiser, observedAt, account, "ADVERTISER", advertiser, observedAt))));
            records.add(new AbstractMap.SimpleImmutableEntry<>(paced.stateKey(), codec.encode(EventEnvelope.of(SOURCE,
                    advertiser, observedAt, paced, "CAMPAIGN", campaign, observedAt))));
        }
        return records;
    }

    /** Today's spend of the advertiser's campaign, above its daily budget: an OVERSPEND. */
    private static ProducerRecord<String, byte[]> record(EventCodec codec, String advertiser, LocalDate today,
            Instant observedAt) {
        MetricObserved data = new MetricObserved("conn-" + advertiser, advertiser, EntityLevel.CAMPAIGN,
                campaignOf(advertiser), Granularity.DAY, today, null, TIME_ZONE, "USD",
                Map.of("spend", new BigDecimal(SPEND), "impressions", new BigDecimal("45210")), List.of(), observedAt);
        return new ProducerRecord<>(Topics.METRICS, advertiser, codec.encode(EventEnvelope.of(SOURCE, advertiser,
                observedAt, data, data.naturalKey(), observedAt)));
    }

    private static long[] latencies(List<String> advertisers, Map<String, Long> sent,
            java.util.function.Function<String, Long> arrived) {
        long[] nanos = advertisers.stream().mapToLong(a -> arrived.apply(a) - sent.get(a)).toArray();
        Arrays.sort(nanos);
        return nanos;
    }

    private static void awaitCampaigns(Connection db, int expected, Duration timeout, ServiceJvm alerting)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "select count(*) from campaign c join advertiser a using (advertiser_id) "
                            + "where c.budget_mode = 'BUDGET_MODE_DAY' and a.time_zone is not null")) {
                rs.next();
                if (rs.getLong(1) >= expected) {
                    return;
                }
            } catch (SQLException tablesNotYetCreated) {
                if (!"42P01".equals(tablesNotYetCreated.getSQLState())) {
                    throw tablesNotYetCreated;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("alerting-service did not take the " + expected + " campaigns in "
                        + timeout + "; its log:\n" + alerting.tail());
            }
            Thread.sleep(100);
        }
    }

    /**
     * The bench's webhook receiver: notes when the first firing OVERSPEND alert of each campaign arrives (Alertmanager's
     * webhook payload: {@code alerts[].labels}, {@code alerts[].status}) and answers 200.
     */
    static final class WebhookReceiver implements AutoCloseable {

        private final HttpServer server;
        private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

        private WebhookReceiver(HttpServer server) {
            this.server = server;
        }

        static WebhookReceiver start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                long arrived = System.nanoTime();
                try (InputStream in = exchange.getRequestBody()) {
                    receiver.received(in.readAllBytes(), arrived);
                } catch (RuntimeException unreadable) {
                    log.warn("webhook body not understood: {}", unreadable.toString());
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.start();
            return receiver;
        }

        void received(byte[] body, long arrived) {
            requests.incrementAndGet();
            for (JsonNode alert : JSON.readTree(body).path("alerts")) {
                JsonNode labels = alert.path("labels");
                if ("firing".equals(alert.path("status").asString("")) && "OVERSPEND".equals(
                        labels.path("condition").asString(""))) {
                    arrivals.putIfAbsent(labels.path("campaign_id").asString(""), arrived);
                }
            }
        }

        int port() {
            return server.getAddress().getPort();
        }

        int requests() {
            return requests.get();
        }

        Map<String, Long> arrivals() {
            return arrivals;
        }

        /** Waits for the alerts of the campaigns of {@code advertisers}. */
        void await(List<String> advertisers, Duration timeout, ServiceJvm alerting) throws InterruptedException {
            List<String> campaigns = advertisers.stream().map(AlertLatency::campaignOf).toList();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!arrivals.keySet().containsAll(campaigns)) {
                if (System.nanoTime() > deadline) {
                    long missing = campaigns.stream().filter(c -> !arrivals.containsKey(c)).count();
                    throw new IllegalStateException("the webhook did not receive " + missing + " of "
                            + campaigns.size() + " alerts in " + timeout + "; alerting-service's log:\n"
                            + alerting.tail());
                }
                Thread.sleep(5);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    /** The reference: a plain consumer of {@code tiktok.metrics.v1} in its own group, noting when each key arrives. */
    static final class ReferenceConsumer implements AutoCloseable {

        private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private volatile boolean running = true;
        private Thread thread;

        static ReferenceConsumer start(String bootstrapServers, Duration timeout) throws InterruptedException {
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-alerts-reference");
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            ReferenceConsumer reference = new ReferenceConsumer();
            CountDownLatch assigned = new CountDownLatch(1);
            reference.thread = new Thread(() -> {
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
                    consumer.subscribe(List.of(Topics.METRICS));
                    while (reference.running) {
                        var batch = consumer.poll(Duration.ofMillis(50));
                        long arrived = System.nanoTime();
                        if (assigned.getCount() > 0 && consumer.assignment().size()
                                == io.adpulse.testsupport.EmbeddedKafkaServer.PARTITIONS) {
                            // position() resolves "latest" now, so nothing produced from here on is skipped
                            consumer.assignment().forEach(consumer::position);
                            assigned.countDown();
                        }
                        for (ConsumerRecord<String, byte[]> r : batch) {
                            reference.arrivals.putIfAbsent(r.key(), arrived);
                        }
                    }
                } catch (RuntimeException e) {
                    reference.failure.set(e);
                } finally {
                    assigned.countDown();
                }
            }, "bench-alerts-reference");
            reference.thread.start();
            if (!assigned.await(timeout.toSeconds(), TimeUnit.SECONDS) || reference.failure.get() != null) {
                reference.close();
                throw new IllegalStateException("the reference consumer got no partitions of " + Topics.METRICS,
                        reference.failure.get());
            }
            return reference;
        }

        Map<String, Long> arrivals() {
            return arrivals;
        }

        void await(List<String> keys, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!arrivals.keySet().containsAll(keys)) {
                if (failure.get() != null) {
                    throw new IllegalStateException("reference consumer failed: " + failure.get().getMessage(),
                            failure.get());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the reference consumer did not see every record in " + timeout);
                }
                Thread.sleep(5);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }
    }
}
