package io.adpulse.reporting.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.pacing.IntradayCurve;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaceTest {

    private static final BigDecimal TOLERANCE = new BigDecimal("0.10");
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static Pace.Result daily(ZoneId zone, Instant now, String budget, String spent) {
        Pace.Period period = Pace.Period.of(Pace.DAILY, zone, now, null, null);
        return Pace.of(Pace.DAILY, period, now, new BigDecimal(budget), spent == null ? null : new BigDecimal(spent),
                TOLERANCE);
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    @Test
    void aDailyBudgetIsPacedOverTheAdvertisersLocalDayNotTheUtcDay() {
        Instant now = Instant.parse("2025-06-10T03:30:00Z");
        Pace.Period ny = Pace.Period.of(Pace.DAILY, NY, now, null, null);
        assertThat(ny.fromDate()).isEqualTo(LocalDate.parse("2025-06-09"));
        assertThat(ny.start().toOffsetDateTime().toString()).isEqualTo("2025-06-09T00:00-04:00");
        assertThat(ny.end().toOffsetDateTime().toString()).isEqualTo("2025-06-10T00:00-04:00");
        Pace.Period tokyo = Pace.Period.of(Pace.DAILY, TOKYO, now, null, null);
        assertThat(tokyo.fromDate()).isEqualTo(LocalDate.parse("2025-06-10"));

        Pace.Result late = daily(NY, now, "100", "90");
        assertThat(late.elapsedShown()).isEqualByComparingTo("0.9792");
        assertThat(money(late.expected())).isEqualByComparingTo("97.92");
        assertThat(late.status()).isEqualTo(Pace.Status.ON_TRACK);
        Pace.Result noon = daily(TOKYO, now, "100", "90");
        assertThat(noon.elapsedShown()).isEqualByComparingTo("0.5208");
        assertThat(noon.status()).isEqualTo(Pace.Status.OVER);
    }

    @Test
    void aDaylightSavingDayIsPacedOverItsTrueLength() {
        // 2025-03-09 in New York has 23 hours; at 12:00 EDT 11 of them have passed.
        Pace.Result spring = daily(NY, Instant.parse("2025-03-09T16:00:00Z"), "230", "110");
        assertThat(spring.elapsedShown()).isEqualByComparingTo("0.4783");
        assertThat(money(spring.expected())).isEqualByComparingTo("110.00");
        assertThat(money(spring.projected())).isEqualByComparingTo("230.00");
        assertThat(spring.status()).isEqualTo(Pace.Status.ON_TRACK);
        // 2025-11-02 has 25 hours; at 12:00 EST 13 of them have passed.
        Pace.Result autumn = daily(NY, Instant.parse("2025-11-02T17:00:00Z"), "250", "130");
        assertThat(money(autumn.expected())).isEqualByComparingTo("130.00");
    }

    @Test
    void statusesFollowTheProjectionAgainstTheBudgetWithinTheTolerance() {
        Instant midday = Instant.parse("2025-06-10T16:00:00Z"); // 12:00 in New York
        assertThat(daily(NY, midday, "100", "54").status()).isEqualTo(Pace.Status.ON_TRACK);
        assertThat(daily(NY, midday, "100", "56").status()).isEqualTo(Pace.Status.OVER);
        assertThat(daily(NY, midday, "100", "44").status()).isEqualTo(Pace.Status.UNDER);
        assertThat(daily(NY, midday, "100", "100.01").status()).isEqualTo(Pace.Status.OVERSPENT);
        assertThat(daily(NY, midday, "100", null).status()).isEqualTo(Pace.Status.NO_DATA);
        Pace.Result midnight = daily(NY, Instant.parse("2025-06-10T04:00:00Z"), "100", "0");
        assertThat(midnight.projected()).isNull();
        assertThat(midnight.status()).isEqualTo(Pace.Status.ON_TRACK);
    }

    @Test
    void aLifetimeBudgetIsPacedOverItsScheduleAndStopsAtItsEnd() {
        Instant start = Instant.parse("2025-06-01T00:00:00Z");
        Instant end = Instant.parse("2025-06-11T00:00:00Z");
        Instant now = Instant.parse("2025-06-06T00:00:00Z");
        Pace.Period tokyo = Pace.Period.of(Pace.LIFETIME, TOKYO, now, start, end);
        assertThat(tokyo.fromDate()).isEqualTo(LocalDate.parse("2025-06-01"));
        assertThat(tokyo.toDate()).isEqualTo(LocalDate.parse("2025-06-06"));
        Pace.Result half = Pace.of(Pace.LIFETIME, tokyo, now, new BigDecimal("1000"), new BigDecimal("400"),
                TOLERANCE);
        assertThat(money(half.expected())).isEqualByComparingTo("500.00");
        assertThat(money(half.projected())).isEqualByComparingTo("800.00");
        assertThat(half.status()).isEqualTo(Pace.Status.UNDER);

        // The schedule ends at 09:00 in Tokyo on 06-11: that day is the last whose spend counts.
        Instant after = Instant.parse("2025-06-20T00:00:00Z");
        Pace.Period ended = Pace.Period.of(Pace.LIFETIME, TOKYO, after, start, end);
        assertThat(ended.toDate()).isEqualTo(LocalDate.parse("2025-06-11"));
        Pace.Result done = Pace.of(Pace.LIFETIME, ended, after, new BigDecimal("1000"), new BigDecimal("950"),
                TOLERANCE);
        assertThat(done.projected()).isEqualByComparingTo("950");
        assertThat(done.status()).isEqualTo(Pace.Status.ENDED);
        // In New York the same end is 20:00 on 06-10.
        assertThat(Pace.Period.of(Pace.LIFETIME, NY, after, start, end).toDate())
                .isEqualTo(LocalDate.parse("2025-06-10"));

        Instant before = Instant.parse("2025-05-20T00:00:00Z");
        Pace.Period waiting = Pace.Period.of(Pace.LIFETIME, NY, before, start, end);
        assertThat(waiting.fromDate()).isNull();
        assertThat(Pace.of(Pace.LIFETIME, waiting, before, BigDecimal.TEN, null, TOLERANCE).status())
                .isEqualTo(Pace.Status.NOT_STARTED);
    }

    @Test
    void aLifetimeBudgetWithoutAFullScheduleIsNotPacedButStillFlaggedWhenOverspent() {
        Instant start = Instant.parse("2025-06-01T00:00:00Z");
        Instant now = Instant.parse("2025-06-06T00:00:00Z");
        Pace.Period open = Pace.Period.of(Pace.LIFETIME, NY, now, start, null);
        assertThat(open.fromDate()).isEqualTo(LocalDate.parse("2025-05-31"));
        Pace.Result unpaced = Pace.of(Pace.LIFETIME, open, now, new BigDecimal("100"), new BigDecimal("50"),
                TOLERANCE);
        assertThat(unpaced.expected()).isNull();
        assertThat(unpaced.status()).isEqualTo(Pace.Status.NO_SCHEDULE);
        assertThat(Pace.of(Pace.LIFETIME, open, now, new BigDecimal("100"), new BigDecimal("101"), TOLERANCE)
                .status()).isEqualTo(Pace.Status.OVERSPENT);
        Pace.Period none = Pace.Period.of(Pace.LIFETIME, NY, now, null, null);
        assertThat(Pace.of(Pace.LIFETIME, none, now, new BigDecimal("100"), null, TOLERANCE).status())
                .isEqualTo(Pace.Status.NO_SCHEDULE);
    }

    @Test
    void aDailyBudgetOnALearnedCurveExpectsWhatTheAccountUsuallySpentByNow() {
        ZoneId newYork = ZoneId.of("America/New_York");
        List<IntradayCurve.HourSpend> evenings = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            evenings.add(new IntradayCurve.HourSpend(LocalDate.parse("2025-06-09")
                    .minusDays(day), 20, new BigDecimal("80")));
        }
        IntradayCurve curve = IntradayCurve.learn(evenings,
                IntradayCurve.Settings.defaults());
        Instant noon = Instant.parse("2025-06-09T16:00:00Z");
        Instant half = Instant.parse("2025-06-10T00:30:00Z");
        Pace.Period today = Pace.Period.of(Pace.DAILY, newYork, noon, null, null);

        Pace.Result early = Pace.of(Pace.DAILY, today, noon, new BigDecimal("100"), new BigDecimal("10"), TOLERANCE,
                curve);
        Pace.Result evening = Pace.of(Pace.DAILY, today, half, new BigDecimal("100"), new BigDecimal("40"), TOLERANCE,
                curve);

        assertThat(early.expected()).isEqualByComparingTo("0");
        assertThat(early.projected()).as("nothing is usually spent by noon: no rate to project").isNull();
        assertThat(early.status()).isEqualTo(Pace.Status.OVER);
        assertThat(early.curveDays()).isEqualTo(7);
        assertThat(evening.expected()).isEqualByComparingTo("50");
        assertThat(evening.projected()).isEqualByComparingTo("80");
        assertThat(evening.status()).isEqualTo(Pace.Status.UNDER);
        assertThat(Pace.of(Pace.LIFETIME, today, noon, new BigDecimal("100"), new BigDecimal("10"), TOLERANCE, curve)
                .curveDays()).as("lifetime budgets stay linear").isZero();
    }
}
