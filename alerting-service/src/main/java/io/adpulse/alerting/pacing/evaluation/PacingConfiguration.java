package io.adpulse.alerting.pacing.evaluation;

import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.pacing.IntradayCurve;
import io.adpulse.alerting.pacing.domain.StoppedDeliveringRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The settings of the campaign rules that only the application configuration sets. The editable thresholds and
 * targets (pacing, ROAS, CPA, anomaly) are read for each evaluation, see {@link CampaignRules}.
 */
@Configuration(proxyBeanMethods = false)
class PacingConfiguration {

    @Bean
    IntradayCurve.Settings intradayCurveSettings(AlertingProperties properties) {
        AlertingProperties.Pacing pacing = properties.pacing();
        return new IntradayCurve.Settings(pacing.curveHistoryDays(), pacing.curveMinDays());
    }

    @Bean
    StoppedDeliveringRule stoppedDeliveringRule(AlertingProperties properties) {
        AlertingProperties.StoppedDelivering stopped = properties.stoppedDelivering();
        return new StoppedDeliveringRule(new StoppedDeliveringRule.Settings(stopped.quiet(), stopped.lookback()));
    }
}
