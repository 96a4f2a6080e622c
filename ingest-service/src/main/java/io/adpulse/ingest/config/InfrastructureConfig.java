package io.adpulse.ingest.config;

import io.adpulse.events.EventCodec;
import io.adpulse.ingest.token.TransitKeyRing;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared infrastructure beans: the clock every business date is computed from, the event codec, the transit key ring. */
@Configuration(proxyBeanMethods = false)
class InfrastructureConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    TransitKeyRing transitKeyRing(IngestSettings settings) {
        return new TransitKeyRing(settings.transitKeys());
    }
}
