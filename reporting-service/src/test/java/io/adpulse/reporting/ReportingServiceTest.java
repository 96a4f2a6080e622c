package io.adpulse.reporting;

import io.adpulse.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring Boot test configuration of the module: the whole service on the shared embedded Kafka
 * broker and PostgreSQL. Every context test extends it, so the context is built once and cached. Two FX rates
 * (GBP/USD on 2025-05-06 and 2025-05-07) come from configuration, for the tests of configured rates. The service's
 * clock is a {@link MutableClock}, reset after every test; the report schedule does not tick by itself (tests run its
 * pass at the instants they choose), the outbox relay does.
 */
@SpringBootTest(classes = {ReportingApplication.class, ReportingServiceTest.TestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.listener.poll-timeout=200ms",
                "adpulse.reporting.fx-rates[0].date=2025-05-06", "adpulse.reporting.fx-rates[0].base=GBP",
                "adpulse.reporting.fx-rates[0].quote=USD", "adpulse.reporting.fx-rates[0].rate=1.25",
                "adpulse.reporting.fx-rates[1].date=2025-05-07", "adpulse.reporting.fx-rates[1].base=GBP",
                "adpulse.reporting.fx-rates[1].quote=USD", "adpulse.reporting.fx-rates[1].rate=2",
                "adpulse.reporting.reports.check-interval=1h", "adpulse.reporting.reports.relay-interval=200ms"})
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class ReportingServiceTest {

    @Autowired
    protected WebTestClient web;

    /** The service's clock; tests that set it reset it when done. */
    @Autowired
    protected MutableClock clock;

    protected static KafkaTestClient kafka;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.registerProperties("reporting", registry::add);
    }

    @BeforeAll
    static void openKafka() {
        kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers(), "reporting-service");
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Replaces the service clock with one tests control. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}
