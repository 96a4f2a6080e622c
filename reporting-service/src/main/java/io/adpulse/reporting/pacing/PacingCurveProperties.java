package io.adpulse.reporting.pacing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the dashboard learns an account's intraday curve for daily budgets, bound from
 * {@code adpulse.reporting.pacing-curve.*}. Keep them equal to alerting-service's
 * {@code adpulse.alerting.pacing.curve-history-days} and {@code curve-min-days}, so the panel expects the spend the
 * {@code daily-budget-pacing} alert expects.
 *
 * @param historyDays complete local days of the advertiser's hourly campaign spend the curve is learned from
 *                    ({@code ADPULSE_REPORTING_PACING_CURVE_HISTORY_DAYS}, default 14, 1–90)
 * @param minDays     fewest of those days with spend for a learned curve; with fewer, expected spend grows linearly
 *                    through the day ({@code ADPULSE_REPORTING_PACING_CURVE_MIN_DAYS}, default 7, ≤ history days)
 */
@Validated
@ConfigurationProperties("adpulse.reporting.pacing-curve")
public record PacingCurveProperties(
        @DefaultValue("14") @Min(1) @Max(90) int historyDays,
        @DefaultValue("7") @Min(1) @Max(90) int minDays) {
}
