package io.adpulse.sandbox.traffic;

import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.adpulse.sandbox.config.SandboxProperties;

/** The rate limiters, on the JVM's monotonic clock. */
@Configuration(proxyBeanMethods = false)
class TrafficConfiguration {

    @Bean
    AppRateLimiter appRateLimiter(SandboxProperties properties) {
        return new AppRateLimiter(properties.qps(), System::nanoTime);
    }

    /** The Display API's 600 calls per minute per endpoint (and app). */
    @Bean
    WindowRateLimiter displayRateLimiter() {
        return new WindowRateLimiter(600, TimeUnit.MINUTES.toNanos(1), System::nanoTime);
    }
}
