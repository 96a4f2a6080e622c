package io.adpulse.alerting.pacing.evaluation;

import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.pacing.domain.AnomalySettings;
import io.adpulse.alerting.pacing.domain.CpaAboveTargetRule;
import io.adpulse.alerting.pacing.domain.CpaSettings;
import io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule;
import io.adpulse.alerting.pacing.domain.LifetimeBudgetPacingRule;
import io.adpulse.alerting.pacing.domain.PacingSettings;
import io.adpulse.alerting.pacing.domain.RoasBelowTargetRule;
import io.adpulse.alerting.pacing.domain.RoasSettings;
import io.adpulse.alerting.pacing.domain.SpendAnomalyRule;
import io.adpulse.alerting.pacing.domain.StoppedDeliveringRule;
import org.springframework.context.annotation.Bean;
import io.adpulse.alerting.pacing.domain.IntradayCurve;
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
    IntradayCurve.Settings intradayCurveSettings(AlertingProperties properties) {
        AlertingProperties.Pacing pacing = properties.pacing();
        return new IntradayCurve.Settings(pacing.curveHistoryDays(), pacing.curveMinDays());
    }

    /** Lifetime pacing shares the daily rule's band and floor ({@code adpulse.alerting.pacing.*}). */
    @Bean
    LifetimeBudgetPacingRule lifetimeBudgetPacingRule(AlertingProperties properties) {
        AlertingProperties.Pacing pacing = properties.pacing();
        return new LifetimeBudgetPacingRule(new PacingSettings(pacing.tolerance(), pacing.minToleranceFactor(),
                pacing.minSpend()));
    }

    @Bean
    RoasBelowTargetRule roasBelowTargetRule(AlertingProperties properties) {
        AlertingProperties.Roas roas = properties.roas();
        return new RoasBelowTargetRule(new RoasSettings(roas.targets(), roas.defaultTarget(), roas.minSpend()));
    }

    @Bean
    CpaAboveTargetRule cpaAboveTargetRule(AlertingProperties properties) {
        AlertingProperties.Cpa cpa = properties.cpa();
        return new CpaAboveTargetRule(new CpaSettings(cpa.targets(), cpa.defaultTarget(), cpa.minSpend()));
    }

    @Bean
    SpendAnomalyRule spendAnomalyRule(AlertingProperties properties) {
        AlertingProperties.Anomaly anomaly = properties.anomaly();
        return new SpendAnomalyRule(new AnomalySettings(anomaly.historyDays(), anomaly.minHistory(),
                anomaly.threshold(), anomaly.minDeviation(), anomaly.minRelativeDeviation(), anomaly.maxAge()));
    }

    @Bean
    StoppedDeliveringRule stoppedDeliveringRule(AlertingProperties properties) {
        AlertingProperties.StoppedDelivering stopped = properties.stoppedDelivering();
        return new StoppedDeliveringRule(new StoppedDeliveringRule.Settings(stopped.quiet(), stopped.lookback()));
    }
}
