package io.adpulse.bench;

import io.adpulse.testsupport.EmbeddedKafkaServer;
import io.adpulse.testsupport.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** The embedded broker and database the throughput measures share, on free ports, for one run. */
final class Infrastructure implements AutoCloseable {

    private final EmbeddedKafkaServer kafka;
    private final EmbeddedPostgresServer postgres;

    private Infrastructure(EmbeddedKafkaServer kafka, EmbeddedPostgresServer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    static Infrastructure start() {
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(0);
        try {
            return new Infrastructure(kafka, EmbeddedPostgresServer.start(0));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /**
     * The environment an Adpulse service needs to run on this broker and its own database {@code database} (created
     * if missing), as the local stack passes it.
     */
    Map<String, String> serviceEnvironment(String database) {
        postgres.createDatabase(database);
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(), "DB_HOST", "localhost", "DB_PORT",
                Integer.toString(postgres.port()), "DB_NAME", database, "DB_USER", EmbeddedPostgresServer.USER,
                "DB_PASSWORD", EmbeddedPostgresServer.PASSWORD);
    }

    Connection connect(String database) throws SQLException {
        postgres.createDatabase(database);
        return DriverManager.getConnection(postgres.jdbcUrl(database), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } finally {
            kafka.close();
        }
    }
}
