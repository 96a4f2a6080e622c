package io.adpulse.alerting.health.evaluation;

import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.health.domain.ApiErrorRateRule;
import io.adpulse.alerting.health.domain.CircuitOpenRule;
import io.adpulse.alerting.health.domain.NeedsReauthRule;
import io.adpulse.alerting.health.domain.SyncStaleRule;
import io.adpulse.alerting.health.domain.TokenExpiringRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API-health rules with their configured thresholds. */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean
    ApiErrorRateRule apiErrorRateRule(AlertingProperties properties) {
        AlertingProperties.Health health = properties.health();
        return new ApiErrorRateRule(new ApiErrorRateRule.Settings(health.apiErrorWindow(), health.apiErrorThreshold()));
    }

    @Bean
    CircuitOpenRule circuitOpenRule(AlertingProperties properties) {
        return new CircuitOpenRule(properties.health().circuitWindow());
    }

    @Bean
    SyncStaleRule syncStaleRule(AlertingProperties properties) {
        AlertingProperties.Health health = properties.health();
        return new SyncStaleRule(new SyncStaleRule.Settings(health.pollInterval(), health.staleAfterPolls()));
    }

    @Bean
    NeedsReauthRule needsReauthRule() {
        return new NeedsReauthRule();
    }

    @Bean
    TokenExpiringRule tokenExpiringRule(AlertingProperties properties) {
        return new TokenExpiringRule(properties.health().tokenExpiryWindow());
    }
}
