package io.adpulse.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, started on first use and stopped when the
 * JVM exits. Spring test contexts register them through {@link #registerProperties}.
 */
public final class SharedInfrastructure {

    private static EmbeddedKafkaServer kafka;
    private static EmbeddedPostgresServer postgres;

    private SharedInfrastructure() {
    }

    public static synchronized EmbeddedKafkaServer kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafkaServer.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "embedded-kafka-shutdown"));
        }
        return kafka;
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "embedded-postgres-shutdown"));
        }
        return postgres;
    }

    /**
     * The Spring properties that point a service at the shared broker and at {@code database} on the
     * shared server (created if needed). Use from {@code @DynamicPropertySource}:
     * {@code SharedInfrastructure.registerProperties("reporting", registry::add)}.
     */
    public static void registerProperties(String database, BiConsumer<String, java.util.function.Supplier<Object>> registry) {
        properties(database).forEach((k, v) -> registry.accept(k, () -> v));
    }

    /** The same properties as a map, for starting a context by hand. */
    public static Map<String, Object> properties(String database) {
        EmbeddedPostgresServer pg = postgres();
        pg.createDatabase(database);
        Map<String, Object> p = new HashMap<>();
        p.put("spring.kafka.bootstrap-servers", kafka().bootstrapServers());
        p.put("spring.r2dbc.url", pg.r2dbcUrl(database));
        p.put("spring.r2dbc.username", EmbeddedPostgresServer.USER);
        p.put("spring.r2dbc.password", EmbeddedPostgresServer.PASSWORD);
        p.put("spring.flyway.url", pg.jdbcUrl(database));
        p.put("spring.flyway.user", EmbeddedPostgresServer.USER);
        p.put("spring.flyway.password", EmbeddedPostgresServer.PASSWORD);
        return p;
    }
}
