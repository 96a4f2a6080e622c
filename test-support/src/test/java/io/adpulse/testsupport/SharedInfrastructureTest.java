package io.adpulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class SharedInfrastructureTest {

    @Test
    void brokerHasEveryTopicAndItsDeadLetterTopic() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.kafka().bootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get();

            assertThat(names).containsAll(Topics.ALL);
            assertThat(names).contains(Topics.deadLetter(Topics.METRICS));
        }
    }

    @Test
    void postgresServesADatabasePerService() throws Exception {
        Map<String, Object> p = SharedInfrastructure.properties("probe");
        try (Connection c = DriverManager.getConnection((String) p.get("spring.flyway.url"),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("probe");
        }
    }
}
