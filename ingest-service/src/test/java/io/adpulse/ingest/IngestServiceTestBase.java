package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.events.ApiErrorOccurred;
import io.adpulse.events.ConnectionGranted;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.ConnectionRevoked;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.MetricObserved;
import io.adpulse.events.OrganicVideoObserved;
import io.adpulse.events.SealedToken;
import io.adpulse.events.Topics;
import io.adpulse.ingest.sync.ConnectionOverview;
import io.adpulse.ingest.sync.SyncResult;
import io.adpulse.testsupport.SharedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context of this module's tests (cached across test classes): the service on a random
 * port against the shared embedded Kafka and PostgreSQL, TikTok faked in-process ({@link FakeTikTok}),
 * polling every second, fast retries, and a clock that starts at {@link #NOW}: 11:30 UTC, when it is
 * already the next day in {@link #KIRITIMATI} (UTC+14), so advertiser-local dates differ from UTC dates.
 *
 * <p>Tests share the broker, the database and the fake, so each one works on its own advertiser and
 * connection ids and reads only its own events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(TestClockConfiguration.class)
public abstract class IngestServiceTestBase {

    static final FakeTikTok TIKTOK = FakeTikTok.shared();
    static final EventCodec CODEC = new EventCodec();
    static final Instant NOW = Instant.parse("2026-11-20T11:30:00Z");
    static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
    /** "Today" for an advertiser in {@link #KIRITIMATI}; the UTC date is still 2026-11-20. */
    static final LocalDate KIRITIMATI_TODAY = LocalDate.parse("2026-11-21");
    static final String ACTOR = "X-Adpulse-Actor";
    static final String CAMPAIGN_LEVEL = "AUCTION_CAMPAIGN";
    static final String ADVERTISER_LEVEL = "AUCTION_ADVERTISER";

    private static final AtomicLong ADVERTISER_IDS = new AtomicLong(7_100_000_000_000_000_000L
            + (System.nanoTime() % 1_000_000_000L) * 1000);

    @Autowired
    WebTestClient web;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.registerProperties("ingest", registry::add);
        registry.add("adpulse.ingest.tiktok.base-url", TIKTOK::baseUrl);
        registry.add("adpulse.ingest.tiktok.open-api-base-url", TIKTOK::openApiBaseUrl);
        registry.add("adpulse.ingest.tiktok.display-qpm", () -> "600");
        registry.add("adpulse.ingest.poll-interval", () -> "PT1S");
        registry.add("adpulse.ingest.tiktok.qps", () -> "1000");
        // the whole suite syncs every second; 600 a minute (the default) would make later tests' calls wait minutes
        registry.add("adpulse.ingest.tiktok.qpm", () -> "60000");
        registry.add("adpulse.ingest.tiktok.initial-backoff", () -> "PT0.05S");
        registry.add("adpulse.ingest.tiktok.max-backoff", () -> "PT0.2S");
        registry.add("adpulse.ingest.publishing.tick", () -> "PT0.2S");
        registry.add("adpulse.ingest.publishing.status-initial-backoff", () -> "PT0.2S");
        registry.add("adpulse.ingest.publishing.status-max-backoff", () -> "PT1S");
        registry.add("adpulse.ingest.comments.poll-interval", () -> "PT1S");
        registry.add("adpulse.ingest.media.chunk-bytes", () -> "1024");
        registry.add("adpulse.ingest.media.max-bytes", () -> "65536");
    }

    /** A TikTok-style numeric advertiser id no other test uses. */
    static String uniqueAdvertiserId() {
        return Long.toString(ADVERTISER_IDS.incrementAndGet());
    }

    static String uniqueToken() {
        return "act." + UUID.randomUUID().toString().replace("-", "");
    }

    static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200));
    }

    /** An advertiser in {@link #KIRITIMATI} billing in EUR, known to the fake under {@code token}. */
    static FakeTikTok.Advertiser kiritimatiAdvertiser(String token) {
        return TIKTOK.advertiser(uniqueAdvertiserId(), token, "Northwind Pacific", "EUR", KIRITIMATI.getId());
    }

    /** Gives the advertiser one enabled campaign, 1801. */
    static FakeTikTok.Advertiser withOneCampaign(FakeTikTok.Advertiser advertiser) {
        return advertiser.campaign("1801", "Winter Boots", "150.50", "BUDGET_MODE_DAY", "ENABLE",
                "CAMPAIGN_STATUS_ENABLE");
    }

    /** Publishes a grant of {@code advertiser} as auth-service does, its token sealed with the dev transit key. */
    String grant(FakeTikTok.Advertiser advertiser) {
        String connectionId = "conn-" + advertiser.id;
        grant(connectionId, advertiser.id, Tokens.sealWithDevKey(advertiser.token, connectionId));
        return connectionId;
    }

    void grant(String connectionId, String advertiserId, SealedToken token) {
        ConnectionGranted data = new ConnectionGranted(connectionId, ConnectionKind.ADVERTISER, advertiserId,
                "Northwind " + advertiserId, token, List.of("1", "4"), "admin", NOW.minus(Duration.ofHours(1)));
        send(connectionId, CODEC.encode(EventEnvelope.of("/adpulse/auth-service", connectionId, data.grantedAt(), data,
                connectionId, "granted", data.grantedAt())));
    }

    /** Publishes a creator (Login Kit) grant as auth-service does: advertiserId is the open id, the token sealed. */
    void grantCreator(String connectionId, String openId, String token, Instant grantedAt) {
        grantCreator(connectionId, openId, token, grantedAt, List.of("user.info.basic", "video.list"));
    }

    /** A creator grant with these scopes. */
    void grantCreator(String connectionId, String openId, String token, Instant grantedAt, List<String> scopes) {
        ConnectionGranted data = new ConnectionGranted(connectionId, ConnectionKind.CREATOR, openId, "Creator " + openId,
                Tokens.sealWithDevKey(token, connectionId), scopes, "admin", grantedAt,
                grantedAt.plus(Duration.ofHours(2)));
        send(connectionId, CODEC.encode(EventEnvelope.of("/adpulse/auth-service", connectionId, grantedAt, data,
                connectionId, "granted", grantedAt)));
    }

    static List<EventEnvelope<OrganicVideoObserved>> organic(String connectionId) {
        return read(Topics.ORGANIC, OrganicVideoObserved.class, e -> e.data().connectionId().equals(connectionId));
    }

    void revoke(String connectionId, String advertiserId, String reason) {
        ConnectionRevoked data = new ConnectionRevoked(connectionId, advertiserId, reason, "admin",
                NOW.minus(Duration.ofMinutes(5)));
        send(connectionId, CODEC.encode(EventEnvelope.of("/adpulse/auth-service", connectionId, data.revokedAt(), data,
                connectionId, "revoked", data.revokedAt())));
    }

    /** Publishes a command on {@code tiktok.commands.v1} as the gateway does. */
    void submit(io.adpulse.events.CommandRequested command) {
        kafka.send(new ProducerRecord<>(Topics.COMMANDS, command.connectionId(), CODEC.encode(EventEnvelope.of(
                "/adpulse/gateway", command.connectionId(), NOW, command, command.commandId(),
                command.fingerprint())))).join();
    }

    void send(String key, byte[] value) {
        kafka.send(new ProducerRecord<>(Topics.CONNECTIONS, key, value)).join();
    }

    /** Grants {@code advertiser} and waits until its first sync succeeded; returns the connection id. */
    String grantAndAwaitBackfill(FakeTikTok.Advertiser advertiser) {
        String connectionId = grant(advertiser);
        eventually().untilAsserted(() -> assertThat(overview(connectionId).lastSync())
                .isNotNull()
                .satisfies(run -> assertThat(run.result()).isEqualTo(SyncResult.SUCCEEDED)));
        return connectionId;
    }

    /** Waits until a sync of {@code connectionId} that started after run {@code afterRunId} finished; returns it. */
    ConnectionOverview.LastSync awaitRunAfter(String connectionId, long afterRunId) {
        eventually().until(() -> {
            ConnectionOverview.LastSync run = overview(connectionId).lastSync();
            return run != null && run.runId() > afterRunId && run.result() != SyncResult.RUNNING;
        });
        return overview(connectionId).lastSync();
    }

    /**
     * Waits for two full polls of the active {@code sentinelId} after {@code connectionId} stopped being
     * active, and checks that neither called TikTok for the stopped one nor started a sync of it.
     */
    void assertNotPolledWhileOthersAre(String connectionId, String advertiserId, String sentinelId) {
        awaitRunAfter(sentinelId, overview(sentinelId).lastSync().runId());
        eventually().until(() -> overview(connectionId).lastSync().result() != SyncResult.RUNNING);
        int callsBefore = TIKTOK.calls(FakeTikTok.ADVERTISER_INFO, advertiserId);
        long lastRun = overview(connectionId).lastSync().runId();

        ConnectionOverview.LastSync sentinelRun = awaitRunAfter(sentinelId, overview(sentinelId).lastSync().runId());
        awaitRunAfter(sentinelId, sentinelRun.runId());

        assertThat(TIKTOK.calls(FakeTikTok.ADVERTISER_INFO, advertiserId)).isEqualTo(callsBefore);
        assertThat(overview(connectionId).lastSync().runId()).isEqualTo(lastRun);
    }

    ConnectionOverview overview(String connectionId) {
        return web.get().uri("/api/ingest/connections/{id}", connectionId)
                .exchange()
                .expectStatus().isOk()
                .expectBody(ConnectionOverview.class)
                .returnResult().getResponseBody();
    }

    static List<EventEnvelope<EntityObserved>> entities(String advertiserId) {
        return read(Topics.ENTITIES, EntityObserved.class, e -> e.data().advertiserId().equals(advertiserId));
    }

    static List<EventEnvelope<MetricObserved>> metrics(String advertiserId) {
        return read(Topics.METRICS, MetricObserved.class, e -> e.data().advertiserId().equals(advertiserId));
    }

    static List<EventEnvelope<ApiErrorOccurred>> apiErrors(String connectionId) {
        return read(Topics.API_ERRORS, ApiErrorOccurred.class, e -> e.data().connectionId().equals(connectionId));
    }

    /** The events of {@code type} on {@code topic} that match, in offset order per partition. */
    static <T extends Record> List<EventEnvelope<T>> read(String topic, Class<T> type, Predicate<EventEnvelope<T>> filter) {
        return TopicReader.readAll(topic).stream()
                .map(ConsumerRecord::value)
                .map(value -> CODEC.decode(value, type))
                .filter(filter)
                .toList();
    }
}
