package io.adpulse.alerting.pacing.evaluation;

import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule;
import io.adpulse.alerting.pacing.domain.PacingSettings;
import io.adpulse.alerting.pacing.domain.RoasBelowTargetRule;
import io.adpulse.alerting.pacing.domain.RoasSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The campaign rules with their configured thresholds and targets. */
@Configuration(proxyBeanMethods = false)
class PacingConfiguration {

    @Bean
    DailyBudgetPacingRule dailyBudgetPacingRule(AlertingProperties properties) {
        AlertingProperties.Pacing pacing = properties.pacing();
        return new DailyBudgetPacingRule(new PacingSettings(pacing.tolerance(), pacing.minToleranceFactor(),
                pacing.minSpend()));
    }

    @Bean
    RoasBelowTargetRule roasBelowTargetRule(AlertingProperties properties) {
        AlertingProperties.Roas roas = properties.roas();
        return new RoasBelowTargetRule(new RoasSettings(roas.targets(), roas.defaultTarget(), roas.minSpend()));
    }
}
