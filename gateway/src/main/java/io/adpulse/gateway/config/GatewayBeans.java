package io.adpulse.gateway.config;

import io.adpulse.events.EventCodec;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Plain beans the gateway shares between features. */
@Configuration
class GatewayBeans {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
