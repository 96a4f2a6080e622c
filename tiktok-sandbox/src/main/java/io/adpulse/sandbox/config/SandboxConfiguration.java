package io.adpulse.sandbox.config;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the settings and the one clock every time-dependent rule reads. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration {

    /** The sandbox's notion of "now": fixed when {@code adpulse.sandbox.fixed-clock} is set, else the system's. */
    @Bean
    Clock sandboxClock(SandboxProperties properties) {
        return properties.fixedClock() == null
                ? Clock.systemUTC()
                : Clock.fixed(properties.fixedClock(), ZoneOffset.UTC);
    }
}
