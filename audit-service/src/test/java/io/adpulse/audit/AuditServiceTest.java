package io.adpulse.audit;

import io.adpulse.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring Boot test configuration of the module: the whole service on the shared embedded Kafka
 * broker and PostgreSQL. Every context test extends it, so the context is built once and cached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.listener.poll-timeout=200ms", "adpulse.audit.verify.page-size=7"})
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class AuditServiceTest {

    protected static final String DATABASE = "audit";

    @Autowired
    protected WebTestClient web;

    protected static KafkaTestClient kafka;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.registerProperties(DATABASE, registry::add);
    }

    @BeforeAll
    static void openKafka() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers(), "audit-service");
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }
}
