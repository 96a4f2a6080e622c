package io.adpulse.audit;

import io.adpulse.testsupport.EmbeddedPostgresServer;
import io.adpulse.testsupport.SharedInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Direct JDBC sessions on the service's database as the PostgreSQL superuser, for tests that act behind the
 * service's back: trying to change rows, or tampering with them with triggers off.
 */
final class Database {

    private Database() {
    }

    /** An ordinary session: the append-only triggers apply. */
    static Connection session() throws SQLException {
        EmbeddedPostgresServer postgres = SharedInfrastructure.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(AuditServiceTest.DATABASE), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    /**
     * A superuser session with ordinary triggers switched off for this session only
     * ({@code session_replication_role = replica}), as an attacker with database access could do.
     */
    static Connection tamperingSession() throws SQLException {
        Connection connection = session();
        try (var statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
        }
        return connection;
    }
}
