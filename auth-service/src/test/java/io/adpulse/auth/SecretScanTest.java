package io.adpulse.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.auth.support.CapturedLogs;
import io.adpulse.auth.support.FakeTikTok.Advertiser;
import io.adpulse.auth.support.IssuedTokens;
import io.adpulse.auth.support.SecretScanner;
import io.adpulse.events.Topics;
import io.adpulse.testsupport.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Runs after every other test class of the suite ({@code junit-platform.properties} orders classes by {@link Order}):
 * no access or refresh token the TikTok fakes issued during the whole suite may appear in plaintext in any column of
 * any table of the auth database, in any key, value or header of any record on the shared broker's Adpulse topics
 * (and their dead-letter topics), or in anything the test JVM logged.
 */
@Order(Integer.MAX_VALUE)
class SecretScanTest extends AuthServiceTestBase {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void noTokenIssuedDuringTheSuiteIsStoredPublishedOrLoggedInPlaintext() {
        String advertiserToken = "act." + UUID.randomUUID();
        connect("alice", advertiserToken, new Advertiser(uniqueAdvertiserId(), "Scanned Co"));
        String openId = uniqueOpenId();
        String creator = connectCreator("alice", openId, "Scanned Creator");
        web.post().uri("/api/auth/connections/" + creator + "/refresh").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.refresh.outcome").isEqualTo("REFRESHED");
        awaitRecords(Topics.CONNECTIONS, 2, r -> r.key().equals(creator));
        Set<String> tokens = IssuedTokens.all();
        assertThat(tokens).as("the fakes register what they issue").contains(advertiserToken)
                .containsAll(TIKTOK.loginKit().allTokensIssued(openId))
                .hasSizeGreaterThanOrEqualTo(5);

        SecretScanner scanner = new SecretScanner(tokens);
        long rows = scanDatabase(scanner);
        long records = scanKafka(scanner);
        long lines = scanLogs(scanner);

        LoggerFactory.getLogger(SecretScanTest.class).info(
                "Secret scan: {} tokens against {} database rows, {} Kafka records, {} log lines", tokens.size(), rows,
                records, lines);
        assertThat(rows).as("database rows scanned").isPositive();
        assertThat(records).as("Kafka records scanned").isPositive();
        assertThat(lines).as("log lines scanned").isPositive();
        assertThat(scanner.findings()).as("plaintext tokens found among %d tokens, %d rows, %d records, %d log lines",
                tokens.size(), rows, records, lines).isEmpty();
    }

    @Test
    void theScanFindsAPlantedTokenInTheDatabaseOnKafkaAndInTheLogs() {
        String planted = "act.planted-" + UUID.randomUUID();
        SecretScanner scanner = new SecretScanner(Set.of(planted));
        scanner.scan("string", "before " + planted + " after");
        scanner.scan("bytea as text", "(1,\"\\\\x" + HexFormat.of().formatHex(("{\"t\":\"" + planted + "\"}")
                .getBytes(StandardCharsets.UTF_8)) + "\")");
        assertThat(scanner.findings()).containsExactly("token act.planted-... in string",
                "token act.planted-... (hex-encoded) in bytea as text");

        String plantedKey = "scan-self-check-" + UUID.randomUUID();
        db.sql("""
                insert into oauth_state (state_hash, flow, actor, created_at, expires_at)
                values (:hash, 'SECRET_SCAN_SELF_CHECK', :actor, now(), now())
                """).bind("hash", plantedKey).bind("actor", planted).then().block();
        var record = new ProducerRecord<>(Topics.deadLetter(Topics.REPORTS), plantedKey, "{}".getBytes(StandardCharsets.UTF_8));
        record.headers().add("planted", planted.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).join();
        LoggerFactory.getLogger(SecretScanTest.class).info("Self-check of the secret scan: {}", planted);

        SecretScanner endToEnd = new SecretScanner(Set.of(planted));
        scanDatabase(endToEnd);
        scanKafka(endToEnd);
        scanLogs(endToEnd);

        assertThat(endToEnd.findings()).anyMatch(f -> f.contains(" in database public.oauth_state"))
                .anyMatch(f -> f.contains(" in Kafka " + Topics.deadLetter(Topics.REPORTS)) && f.contains("header planted"))
                .anyMatch(f -> f.contains(" in log line "));
    }

    /** Every row of every table in the auth database, cast to text; answers how many rows were scanned. */
    private long scanDatabase(SecretScanner scanner) {
        List<Map<String, Object>> tables = db.sql("""
                select table_schema, table_name from information_schema.tables
                 where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
                """).fetch().all().collectList().block();
        assertThat(tables).extracting(t -> t.get("table_name"))
                .contains("connection", "connection_token", "oauth_state", "outbox");
        long rows = 0;
        for (Map<String, Object> table : tables) {
            String name = "\"" + table.get("table_schema") + "\".\"" + table.get("table_name") + "\"";
            List<String> texts = db.sql("select t::text from " + name + " t")
                    .map(row -> row.get(0, String.class)).all().collectList().block();
            String location = "database " + table.get("table_schema") + "." + table.get("table_name");
            texts.forEach(text -> scanner.scan(location, text));
            rows += texts.size();
        }
        return rows;
    }

    /** Every record, from the beginning, of every Adpulse topic and its dead-letter topic; answers how many. */
    private long scanKafka(SecretScanner scanner) {
        List<String> topics = new ArrayList<>();
        Topics.ALL.forEach(topic -> {
            topics.add(topic);
            topics.add(Topics.deadLetter(topic));
        });
        String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertThat(admin.listTopics().names().get()).as("every topic exists on the broker").containsAll(topics);
        } catch (Exception e) {
            throw new IllegalStateException("could not list the broker's topics", e);
        }
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "auth-service-secret-scan-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                assertThat(System.nanoTime()).as("read every topic to its end within a minute").isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String location = "Kafka " + record.topic() + "-" + record.partition() + "@" + record.offset();
                    scanner.scan(location + " key", record.key());
                    scanner.scan(location + " value", record.value());
                    for (Header header : record.headers()) {
                        scanner.scan(location + " header " + header.key(), header.value());
                    }
                    records++;
                }
            }
        }
        return records;
    }

    /** Every line the test JVM logged so far; answers how many. */
    private static long scanLogs(SecretScanner scanner) {
        List<String> lines = CapturedLogs.lines();
        for (int i = 0; i < lines.size(); i++) {
            scanner.scan("log line " + (i + 1) + ": " + abbreviate(lines.get(i)), lines.get(i));
        }
        return lines.size();
    }

    /** Level, logger and thread of a captured line: enough to find it, without echoing the secret. */
    private static String abbreviate(String line) {
        int end = line.indexOf("] ");
        return end < 0 ? "" : line.substring(0, end + 1);
    }
}
