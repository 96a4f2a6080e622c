package io.adpulse.reporting;

import io.adpulse.testsupport.EmbeddedPostgresServer;
import io.adpulse.testsupport.SharedInfrastructure;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A database of its own on the shared embedded PostgreSQL, migrated with the service's Flyway scripts, for
 * repository tests that need no Spring context.
 */
public final class TestDatabase {

    private static final String DATABASE = "reporting_repository";
    private static DatabaseClient client;

    private TestDatabase() {
    }

    public static synchronized DatabaseClient client() {
        if (client == null) {
            EmbeddedPostgresServer postgres = SharedInfrastructure.postgres();
            postgres.createDatabase(DATABASE);
            Flyway.configure()
                    .dataSource(postgres.jdbcUrl(DATABASE), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            client = DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions.parse(postgres.r2dbcUrl(DATABASE))
                    .mutate()
                    .option(ConnectionFactoryOptions.USER, EmbeddedPostgresServer.USER)
                    .option(ConnectionFactoryOptions.PASSWORD, EmbeddedPostgresServer.PASSWORD)
                    .build()));
        }
        return client;
    }
}
