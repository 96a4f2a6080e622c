package io.adpulse.sandbox.traffic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.adpulse.sandbox.config.SandboxProperties;

/** The rate limiter, on the JVM's monotonic clock. */
@Configuration(proxyBeanMethods = false)
class TrafficConfiguration {

    @Bean
    AppRateLimiter appRateLimiter(SandboxProperties properties) {
        return new AppRateLimiter(properties.qps(), System::nanoTime);
    }
}
