package io.adpulse.alerting.pacing.evaluation;

import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule;
import io.adpulse.alerting.pacing.domain.PacingSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pacing rule with the configured thresholds. */
@Configuration(proxyBeanMethods = false)
class PacingConfiguration {

    @Bean
    DailyBudgetPacingRule dailyBudgetPacingRule(AlertingProperties properties) {
        AlertingProperties.Pacing pacing = properties.pacing();
        return new DailyBudgetPacingRule(new PacingSettings(pacing.tolerance(), pacing.minToleranceFactor(),
                pacing.minSpend()));
    }
}
