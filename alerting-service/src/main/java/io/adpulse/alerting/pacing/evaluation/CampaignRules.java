package io.adpulse.alerting.pacing.evaluation;

import static io.adpulse.alerting.config.RuleCatalog.CPA_ABOVE_TARGET;
import static io.adpulse.alerting.config.RuleCatalog.DAILY_BUDGET_PACING;
import static io.adpulse.alerting.config.RuleCatalog.HISTORY_DAYS;
import static io.adpulse.alerting.config.RuleCatalog.LIFETIME_BUDGET_PACING;
import static io.adpulse.alerting.config.RuleCatalog.MIN_DEVIATION;
import static io.adpulse.alerting.config.RuleCatalog.MIN_HISTORY;
import static io.adpulse.alerting.config.RuleCatalog.MIN_RELATIVE_DEVIATION;
import static io.adpulse.alerting.config.RuleCatalog.MIN_SPEND;
import static io.adpulse.alerting.config.RuleCatalog.MIN_TOLERANCE_FACTOR;
import static io.adpulse.alerting.config.RuleCatalog.ROAS_BELOW_TARGET;
import static io.adpulse.alerting.config.RuleCatalog.SPEND_ANOMALY;
import static io.adpulse.alerting.config.RuleCatalog.TARGET;
import static io.adpulse.alerting.config.RuleCatalog.THRESHOLD;
import static io.adpulse.alerting.config.RuleCatalog.TOLERANCE;

import io.adpulse.alerting.config.EditableSettings;
import io.adpulse.alerting.pacing.domain.AnomalySettings;
import io.adpulse.alerting.pacing.domain.CpaAboveTargetRule;
import io.adpulse.alerting.pacing.domain.CpaSettings;
import io.adpulse.alerting.pacing.domain.DailyBudgetPacingRule;
import io.adpulse.alerting.pacing.domain.LifetimeBudgetPacingRule;
import io.adpulse.alerting.pacing.domain.PacingSettings;
import io.adpulse.alerting.pacing.domain.RoasBelowTargetRule;
import io.adpulse.alerting.pacing.domain.RoasSettings;
import io.adpulse.alerting.pacing.domain.SpendAnomalyRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * The campaign rules with the thresholds and targets in effect for one campaign (or an advertiser's budget holder):
 * the global values of the editable settings, replaced by those of the advertiser's, its brands' and the campaign's
 * overrides (most specific wins, per parameter).
 *
 * @param settings       the editable settings in effect
 * @param advertiserId   the campaign's advertiser
 * @param campaignId     the campaign; null for what is judged per advertiser only
 * @param anomalyMaxAge  the anomaly's {@code max-age} (application configuration only)
 */
record CampaignRules(EditableSettings settings, String advertiserId, String campaignId, Duration anomalyMaxAge) {

    DailyBudgetPacingRule daily() {
        return new DailyBudgetPacingRule(pacing(DAILY_BUDGET_PACING));
    }

    LifetimeBudgetPacingRule lifetime() {
        return new LifetimeBudgetPacingRule(pacing(LIFETIME_BUDGET_PACING));
    }

    RoasBelowTargetRule roas() {
        Map<String, BigDecimal> p = settings.parameters(ROAS_BELOW_TARGET, advertiserId, campaignId);
        return new RoasBelowTargetRule(new RoasSettings(Map.of(), p.get(TARGET), p.get(MIN_SPEND)));
    }

    CpaAboveTargetRule cpa() {
        Map<String, BigDecimal> p = settings.parameters(CPA_ABOVE_TARGET, advertiserId, campaignId);
        return new CpaAboveTargetRule(new CpaSettings(Map.of(), p.get(TARGET), p.get(MIN_SPEND)));
    }

    /**
     * The anomaly rule; a {@code minHistory} above {@code historyDays} (possible when they come from different
     * overrides) counts as {@code historyDays}.
     */
    SpendAnomalyRule anomaly() {
        Map<String, BigDecimal> p = settings.parameters(SPEND_ANOMALY, advertiserId, campaignId);
        int historyDays = p.get(HISTORY_DAYS).intValueExact();
        int minHistory = Math.min(p.get(MIN_HISTORY).intValueExact(), historyDays);
        return new SpendAnomalyRule(new AnomalySettings(historyDays, minHistory, p.get(THRESHOLD),
                p.get(MIN_DEVIATION), p.get(MIN_RELATIVE_DEVIATION), anomalyMaxAge));
    }

    private PacingSettings pacing(String rule) {
        Map<String, BigDecimal> p = settings.parameters(rule, advertiserId, campaignId);
        return new PacingSettings(p.get(TOLERANCE), p.get(MIN_TOLERANCE_FACTOR), p.get(MIN_SPEND));
    }
}
