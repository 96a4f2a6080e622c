package io.adpulse.alerting.pacing.domain;

import io.adpulse.pacing.IntradayCurve;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * The pacing judgement of one campaign's daily budget at one moment. With {@code f} the share of the day's spend
 * expected by now: the elapsed share of the advertiser's local day (see {@link DayProgress}, DST-correct), or for
 * daily budgets of an account with enough history, the share its {@link IntradayCurve} has usually spent by this
 * local time:
 * <pre>
 *   expected  = budget × f
 *   t         = tolerance × max(minToleranceFactor, 1 − f)       (the band narrows as the day goes on)
 *   upper     = expected × (1 + t)
 *   lower     = expected × (1 − t)
 *
 *   OVERSPEND      when spend &gt; budget                              critical
 *   PACING_AHEAD   when spend &gt; upper and spend ≥ minSpend          warning
 *   PACING_BEHIND  when spend &lt; lower and expected ≥ minSpend       warning
 * </pre>
 * Conditions are checked in that order and the first that holds wins, so a campaign is in at most one.
 * The band is wide early in the day, when a few delivery bursts move spend a lot in relative terms, and
 * narrows to {@code tolerance × minToleranceFactor} (with the defaults 0.25 × 0.25 = ±6.25 %) over the
 * last quarter of the day, when a deviation is both more certain and more costly. The floor keeps tiny
 * amounts from paging anyone: being "ahead" needs real spend, being "behind" needs a real expectation.
 *
 * @param budget the daily budget
 * @param spend spend so far on the local day
 * @param fraction the share of the period's spend expected by now
 * @param expected spend expected by now
 * @param tolerance the band's relative half-width now ({@code t})
 * @param lower the band's lower edge
 * @param upper the band's upper edge
 * @param condition the condition that holds, if any
 */
public record PacingAssessment(BigDecimal budget, BigDecimal spend, BigDecimal fraction, BigDecimal expected,
        BigDecimal tolerance, BigDecimal lower, BigDecimal upper, Optional<PacingCondition> condition) {

    private static final MathContext MATH = MathContext.DECIMAL64;

    public static PacingAssessment assess(BigDecimal budget, BigDecimal spend, BigDecimal fraction,
            PacingSettings settings) {
        BigDecimal expected = budget.multiply(fraction, MATH);
        BigDecimal narrowing = settings.minToleranceFactor().max(BigDecimal.ONE.subtract(fraction, MATH));
        BigDecimal tolerance = settings.tolerance().multiply(narrowing, MATH);
        BigDecimal upper = expected.multiply(BigDecimal.ONE.add(tolerance, MATH), MATH);
        BigDecimal lower = expected.multiply(BigDecimal.ONE.subtract(tolerance, MATH), MATH);
        Optional<PacingCondition> condition;
        if (spend.compareTo(budget) > 0) {
            condition = Optional.of(PacingCondition.OVERSPEND);
        } else if (spend.compareTo(upper) > 0 && spend.compareTo(settings.minSpend()) >= 0) {
            condition = Optional.of(PacingCondition.PACING_AHEAD);
        } else if (spend.compareTo(lower) < 0 && expected.compareTo(settings.minSpend()) >= 0) {
            condition = Optional.of(PacingCondition.PACING_BEHIND);
        } else {
            condition = Optional.empty();
        }
        return new PacingAssessment(budget, spend, fraction, expected, tolerance, lower, upper, condition);
    }

    /**
     * What the whole period would spend at the rate so far ({@code spend ÷ f}): being ahead of the band is a projected
     * overspend by at least {@code t}. Null at the very start of the period.
     */
    public BigDecimal projected() {
        return fraction.signum() == 0 ? null : spend.divide(fraction, MATH);
    }
}
