package io.adpulse.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.auth.crypto.AesGcm;
import io.adpulse.auth.support.FakeTikTok;
import io.adpulse.auth.support.MutableClock;
import io.adpulse.auth.support.TestClockConfiguration;
import io.adpulse.events.ConnectionAttempted;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.EventCodec;
import io.adpulse.events.SealedToken;
import io.adpulse.events.Topics;
import io.adpulse.testsupport.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one Spring context of this module's tests (cached across test classes): the service on a random
 * port against the shared embedded Kafka and PostgreSQL, TikTok faked in-process, and a clock tests
 * can move. Requests may take up to 30 s: the build machine is shared and sometimes heavily loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(TestClockConfiguration.class)
abstract class AuthServiceTestBase {

    static final FakeTikTok TIKTOK = FakeTikTok.shared();
    static final String ACTOR = "X-Adpulse-Actor";
    static final String START = "/api/auth/connections/tiktok-business/start";
    static final String CALLBACK = "/api/auth/oauth/tiktok-business/callback";
    static final EventCodec CODEC = new EventCodec();
    /** The service's default token key, now second: tokens encrypted before the rotation to {@link #ACTIVE_TOKEN_KEY}. */
    static final String PREVIOUS_TOKEN_KEY = "dev-token-1:NcjJdiDOnKKS46v2XqmmNWh29nkjBhBZfiiFQ06YWSg=";
    /** The active token key of the tests. */
    static final String ACTIVE_TOKEN_KEY = "dev-token-2:uPNwJgTCKXjUuNiLKDR4e4cn8mOhIpOItx26ClyLS7A=";

    @Autowired
    WebTestClient web;
    @Autowired
    MutableClock clock;
    @Autowired
    DatabaseClient db;
    @Value("${adpulse.auth.transit-keys}")
    String transitKeys;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.registerProperties("auth", registry::add);
        registry.add("adpulse.auth.tiktok.business-api-base-url", TIKTOK::apiBaseUrl);
        registry.add("adpulse.auth.tiktok.business-auth-url", TIKTOK::authUrl);
        registry.add("adpulse.auth.outbox.poll-interval", () -> "200ms");
        registry.add("adpulse.auth.tiktok.open-api-base-url", TIKTOK::openApiBaseUrl);
        registry.add("adpulse.auth.tiktok.login-kit-auth-url", TIKTOK::loginKitAuthUrl);
        registry.add("adpulse.auth.refresh.check-interval", () -> "200ms");
        registry.add("adpulse.auth.privacy.retention-check-interval", () -> "200ms");
        registry.add("adpulse.auth.privacy.sla-check-interval", () -> "200ms");
        registry.add("adpulse.auth.refresh.retry-delay", () -> "5m");
        registry.add("adpulse.auth.token-keys", () -> ACTIVE_TOKEN_KEY + "," + PREVIOUS_TOKEN_KEY);
    }

    /** Starts the flow as {@code actor} asking for JSON and returns the state from the authorize URL. */
    String startState(String actor) {
        Map<?, ?> start = web.get().uri(START).header(ACTOR, actor).accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UriComponentsBuilder.fromUriString((String) start.get("authorizeUrl")).build()
                .getQueryParams().getFirst("state");
    }

    /** TikTok's redirect back, with the code under both names as TikTok sends it. */
    WebTestClient.ResponseSpec callback(String state, String code, String actor, MediaType accept) {
        WebTestClient.RequestHeadersSpec<?> request = web.get().uri(uri -> uri.path(CALLBACK)
                        .queryParam("auth_code", code).queryParam("code", code).queryParam("state", state).build())
                .accept(accept);
        return (actor == null ? request : request.header(ACTOR, actor)).exchange();
    }

    /** Runs start and callback for {@code actor}; TikTok grants {@code token} for {@code advertisers}. */
    void connect(String actor, String token, FakeTikTok.Advertiser... advertisers) {
        String code = uniqueCode();
        TIKTOK.willGrant(code, token, advertisers);
        callback(startState(actor), code, actor, MediaType.APPLICATION_JSON).expectStatus().isOk();
    }

    static final String CREATOR_START = "/api/auth/connections/tiktok-creator/start";
    static final String CREATOR_CALLBACK = "/api/auth/oauth/tiktok-creator/callback";

    /** Starts the creator flow as {@code actor} (JSON) and returns the authorize URL's query parameters. */
    Map<String, String> startCreator(String actor) {
        Map<?, ?> start = web.get().uri(CREATOR_START).header(ACTOR, actor).accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return UriComponentsBuilder.fromUriString((String) start.get("authorizeUrl")).build().getQueryParams()
                .toSingleValueMap();
    }

    /** Login Kit's redirect back with {@code code} and {@code state}. */
    WebTestClient.ResponseSpec creatorCallback(String state, String code, String actor, MediaType accept) {
        WebTestClient.RequestHeadersSpec<?> request = web.get().uri(uri -> uri.path(CREATOR_CALLBACK)
                        .queryParam("code", code).queryParam("scopes", "user.info.basic,video.list")
                        .queryParam("state", state).build())
                .accept(accept);
        return (actor == null ? request : request.header(ACTOR, actor)).exchange();
    }

    /** Runs the whole creator flow for {@code actor}; returns the connection id {@code creator-<openId>}. */
    String connectCreator(String actor, String openId, String displayName) {
        Map<String, String> authorize = startCreator(actor);
        String code = uniqueCode();
        TIKTOK.loginKit().willAuthorize(code, authorize.get("code_challenge"), openId, displayName);
        creatorCallback(authorize.get("state"), code, actor, MediaType.APPLICATION_JSON).expectStatus().isOk();
        return "creator-" + openId;
    }

    static String uniqueOpenId() {
        return UUID.randomUUID().toString();
    }

    /** Opens a token sealed for transit the way ingest-service does, with the transit key it names. */
    String openTransit(SealedToken sealed, String connectionId) {
        String key = List.of(transitKeys.split(",")).stream()
                .filter(entry -> entry.startsWith(sealed.keyId() + ":"))
                .map(entry -> entry.substring(entry.indexOf(':') + 1))
                .findFirst().orElseThrow();
        byte[] plain = AesGcm.open(AesGcm.key(Base64.getDecoder().decode(key)),
                Base64.getDecoder().decode(sealed.ciphertext()), connectionId.getBytes(StandardCharsets.UTF_8));
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** Every record on {@code topic} matching {@code match}, once at least {@code count} arrived. */
    static List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, int count,
            Predicate<ConsumerRecord<String, byte[]>> match) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "auth-service-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (match.test(record)) {
                        found.add(record);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    /**
     * How many column values in the auth database contain {@code needle}: every text, varchar, array
     * and bytea column of every table (bytea searched for the UTF-8 bytes).
     */
    long occurrencesInDatabase(String needle) {
        List<Map<String, Object>> columns = db.sql("""
                select table_name, column_name, data_type from information_schema.columns
                 where table_schema = 'public' and data_type in ('text', 'character varying', 'bytea', 'ARRAY')
                """).fetch().all().collectList().block();
        assertThat(columns).extracting(c -> c.get("table_name") + "." + c.get("column_name"))
                .contains("connection_token.ciphertext", "outbox.payload", "connection.display_name");
        long hits = 0;
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            boolean binary = "bytea".equals(column.get("data_type"));
            String sql = "select count(*) from " + table + " where position(:needle in "
                    + (binary ? name : name + "::text") + ") > 0";
            hits += db.sql(sql).bind("needle", binary ? (Object) needle.getBytes(StandardCharsets.UTF_8) : needle)
                    .map(row -> row.get(0, Long.class)).one().block();
        }
        return hits;
    }

    /**
     * The {@code ConnectionAttempted} record keyed {@code key} (the operator, or {@code unknown}) whose event matches,
     * once it arrived.
     */
    static ConsumerRecord<String, byte[]> awaitAttempt(String key, Predicate<ConnectionAttempted> match) {
        return awaitRecords(Topics.CONNECTION_ATTEMPTS, 1, r -> key.equals(r.key()) && r.value() != null
                && match.test(CODEC.decode(r.value(), ConnectionAttempted.class).data())).get(0);
    }

    /**
     * Asserts that a refused attempt of {@code kind} by {@code operator} (null: unknown) was recorded with the failure
     * {@code slug} and a human detail, and that the record carries none of {@code secrets} (codes, states).
     * {@code since} tells this attempt from earlier ones whose operator is unknown too: take it with
     * {@link #attemptMarker()} right before the callback.
     */
    ConnectionAttempted assertRefused(ConnectionKind kind, String operator, String slug, Instant since,
            String... secrets) {
        ConsumerRecord<String, byte[]> record = awaitAttempt(operator == null ? "unknown" : operator,
                attempt -> attempt.kind() == kind && slug.equals(attempt.failure()) && !attempt.at().isBefore(since));
        ConnectionAttempted attempt = CODEC.decode(record.value(), ConnectionAttempted.class).data();
        assertThat(attempt.outcome()).isEqualTo(ConnectionAttempted.Outcome.REFUSED);
        assertThat(attempt.operator()).isEqualTo(operator);
        assertThat(attempt.detail()).isNotBlank();
        assertThat(attempt.connectionIds()).isEmpty();
        String raw = new String(record.value(), StandardCharsets.UTF_8);
        for (String secret : secrets) {
            assertThat(raw).as("attempt record carries no code or state").doesNotContain(secret);
        }
        return attempt;
    }

    /** Moves the test clock on by a millisecond and answers the new time, so later attempts are told apart. */
    Instant attemptMarker() {
        clock.advance(Duration.ofMillis(1));
        return clock.instant();
    }

    /** An operator name no other test uses, so the attempts keyed by it are this test's. */
    static String uniqueOperator() {
        return "op-" + UUID.randomUUID();
    }

    static String uniqueCode() {
        return "code-" + UUID.randomUUID();
    }

    static String uniqueAdvertiserId() {
        return String.valueOf(7_100_000_000_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xffffffffffL));
    }
}
