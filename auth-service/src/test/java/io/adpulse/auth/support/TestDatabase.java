package io.adpulse.auth.support;

import io.adpulse.testsupport.EmbeddedPostgresServer;
import io.adpulse.testsupport.SharedInfrastructure;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A database on the shared embedded PostgreSQL, migrated with the service's Flyway scripts, for
 * repository tests that need no Spring context.
 */
public record TestDatabase(DatabaseClient client, TransactionalOperator transactions) {

    private static final Map<String, TestDatabase> DATABASES = new ConcurrentHashMap<>();

    public static TestDatabase migrated(String name) {
        return DATABASES.computeIfAbsent(name, TestDatabase::create);
    }

    private static TestDatabase create(String name) {
        EmbeddedPostgresServer postgres = SharedInfrastructure.postgres();
        postgres.createDatabase(name);
        Flyway.configure()
                .dataSource(postgres.jdbcUrl(name), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                .load()
                .migrate();
        ConnectionFactory connections = ConnectionFactories.get(ConnectionFactoryOptions.parse(postgres.r2dbcUrl(name))
                .mutate()
                .option(ConnectionFactoryOptions.USER, EmbeddedPostgresServer.USER)
                .option(ConnectionFactoryOptions.PASSWORD, EmbeddedPostgresServer.PASSWORD)
                .build());
        return new TestDatabase(DatabaseClient.create(connections),
                TransactionalOperator.create(new R2dbcTransactionManager(connections)));
    }
}
