package io.adpulse.sandbox.catalog;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.adpulse.sandbox.config.SandboxProperties;

/** Seeds the catalogue once, at startup, from the seed and the clock's date. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    Catalog catalog(SandboxProperties properties, Clock clock) {
        return CatalogSeeder.seed(properties.seed(), clock, properties.historyDays());
    }

    /** What the write endpoints changed; empty at startup. */
    @Bean
    CatalogEdits catalogEdits() {
        return new CatalogEdits();
    }
}
