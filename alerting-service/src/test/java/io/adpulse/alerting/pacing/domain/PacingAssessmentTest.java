package io.adpulse.alerting.pacing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PacingAssessmentTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final BigDecimal BUDGET = new BigDecimal("150.00");
    private static final PacingSettings DEFAULTS = PacingSettings.defaults();

    @ParameterizedTest(name = "at fraction {0} the band is ±{1}")
    @CsvSource({
            "0.00, 0.25",
            "0.25, 0.1875",
            "0.375, 0.15625",
            "0.50, 0.125",
            "0.75, 0.0625",
            "0.90, 0.0625"})
    void toleranceNarrowsTowardTheEndOfTheDayDownToAQuarter(String fraction, String tolerance) {
        PacingAssessment assessment = PacingAssessment.assess(BUDGET, BigDecimal.ZERO, new BigDecimal(fraction), DEFAULTS);

        assertThat(assessment.tolerance()).isEqualByComparingTo(tolerance);
    }

    @ParameterizedTest(name = "spending {0} by 09:00 is {1}")
    @CsvSource({
            "151.00, OVERSPEND",
            "142.10, PACING_AHEAD",
            "65.04, PACING_AHEAD",
            "65.03, ON_PACE",
            "56.25, ON_PACE",
            "47.47, ON_PACE",
            "47.46, PACING_BEHIND",
            "0, PACING_BEHIND"})
    void judgesSpendAgainstTheBandAt9am(String spend, String expected) {
        PacingAssessment assessment = PacingAssessment.assess(BUDGET, new BigDecimal(spend), at("2026-11-20T17:00:00Z"),
                DEFAULTS);

        assertThat(assessment.expected()).isEqualByComparingTo("56.25");
        assertThat(assessment.condition().map(Enum::name).orElse("ON_PACE")).isEqualTo(expected);
    }

    @Test
    void overspendWinsOverPacingAheadLateInTheDay() {
        PacingAssessment assessment = PacingAssessment.assess(BUDGET, new BigDecimal("150.01"), new BigDecimal("0.99"),
                DEFAULTS);

        assertThat(assessment.upper()).isGreaterThan(BUDGET);
        assertThat(assessment.condition()).contains(PacingCondition.OVERSPEND);
    }

    @Test
    void spendingTheWholeBudgetIsNotOverspend() {
        PacingAssessment assessment = PacingAssessment.assess(BUDGET, BUDGET, new BigDecimal("0.999"), DEFAULTS);

        assertThat(assessment.condition()).isEmpty();
    }

    @Test
    void aheadIsNotJudgedUntilSpendReachesTheFloor() {
        BigDecimal oneAm = at("2026-11-20T09:00:00Z");

        assertThat(PacingAssessment.assess(BUDGET, new BigDecimal("9.99"), oneAm, DEFAULTS).condition()).isEmpty();
        assertThat(PacingAssessment.assess(BUDGET, new BigDecimal("10.00"), oneAm, DEFAULTS).condition())
                .contains(PacingCondition.PACING_AHEAD);
    }

    @Test
    void behindIsNotJudgedUntilExpectedSpendReachesTheFloor() {
        assertThat(PacingAssessment.assess(BUDGET, BigDecimal.ZERO, at("2026-11-20T09:00:00Z"), DEFAULTS).condition())
                .as("expected 6.25 at 01:00 is below the floor").isEmpty();
        assertThat(PacingAssessment.assess(BUDGET, BigDecimal.ZERO, at("2026-11-20T10:00:00Z"), DEFAULTS).condition())
                .as("expected 12.50 at 02:00 reaches the floor").contains(PacingCondition.PACING_BEHIND);
    }

    @Test
    void theNarrowerBandLateInTheDayCatchesADeviationTheMorningBandTolerates() {
        BigDecimal tenPercentAhead = new BigDecimal("1.10");
        BigDecimal morning = new BigDecimal("0.25");
        BigDecimal evening = new BigDecimal("0.80");

        PacingAssessment early = PacingAssessment.assess(BUDGET, BUDGET.multiply(morning).multiply(tenPercentAhead),
                morning, DEFAULTS);
        PacingAssessment late = PacingAssessment.assess(BUDGET, BUDGET.multiply(evening).multiply(tenPercentAhead),
                evening, DEFAULTS);

        assertThat(early.condition()).isEmpty();
        assertThat(late.condition()).contains(PacingCondition.PACING_AHEAD);
    }

    @Test
    void expectedSpendOnTheSpringForwardDayFollowsTheRealDayLength() {
        PacingAssessment assessment = PacingAssessment.assess(new BigDecimal("230"), new BigDecimal("80"),
                at("2026-03-08T16:00:00Z"), DEFAULTS);

        assertThat(assessment.expected().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("80.00");
        assertThat(assessment.condition()).isEmpty();
    }

    @Test
    void expectedSpendOnTheFallBackDayFollowsTheRealDayLength() {
        PacingAssessment assessment = PacingAssessment.assess(new BigDecimal("250"), new BigDecimal("100"),
                at("2026-11-01T17:00:00Z"), DEFAULTS);

        assertThat(assessment.expected()).isEqualByComparingTo("100");
        assertThat(assessment.condition()).isEmpty();
    }

    @Test
    void aDstDayShiftsTheVerdictAgainstANaiveHourOfDayCalculation() {
        // 09:00 on the 23-hour day: 8 of 23 hours have passed (34.8 %), not 9 of 24 (37.5 %).
        BigDecimal dst = at("2026-03-08T16:00:00Z");
        BigDecimal naive = new BigDecimal("0.375");
        BigDecimal spend = new BigDecimal("45.00");

        assertThat(PacingAssessment.assess(BUDGET, spend, dst, DEFAULTS).condition()).isEmpty();
        assertThat(PacingAssessment.assess(BUDGET, spend, naive, DEFAULTS).condition())
                .contains(PacingCondition.PACING_BEHIND);
    }

    @Test
    void beingAheadOfTheBandIsAProjectedOverspendBeyondTheTolerance() {
        BigDecimal quarter = new BigDecimal("0.25");
        // t = 0.25 × 0.75 = 0.1875: ahead from a projection above 150 × 1.1875 = 178.125
        PacingAssessment ahead = PacingAssessment.assess(BUDGET, new BigDecimal("44.60"), quarter, DEFAULTS);
        PacingAssessment within = PacingAssessment.assess(BUDGET, new BigDecimal("44.50"), quarter, DEFAULTS);

        assertThat(ahead.projected()).isEqualByComparingTo("178.40");
        assertThat(ahead.condition()).contains(PacingCondition.PACING_AHEAD);
        assertThat(within.projected()).isEqualByComparingTo("178.00");
        assertThat(within.condition()).isEmpty();
        assertThat(PacingAssessment.assess(BUDGET, BigDecimal.ONE, BigDecimal.ZERO, DEFAULTS).projected()).isNull();
    }

    private static BigDecimal at(String instant) {
        return DayProgress.at(Instant.parse(instant), LOS_ANGELES).fraction();
    }
}
