package io.adpulse.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the service clock with one that starts at {@link IngestServiceTestBase#NOW} and runs at real
 * speed, so business dates are known to the tests while every sync still observes at its own instant.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    @Primary
    Clock testClock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), IngestServiceTestBase.NOW));
    }
}
