package io.adpulse.alerting.pacing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.pacing.IntradayCurve;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class IntradayCurveTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    private static final IntradayCurve.Settings SETTINGS = IntradayCurve.Settings.defaults();
    private static final Offset<BigDecimal> TINY = Offset.offset(new BigDecimal("1e-12"));

    @Test
    void withoutEnoughHistoryExpectedSpendGrowsLinearlyThroughTheRealDay() {
        IntradayCurve curve = IntradayCurve.learn(eveningDays(6, "10"), SETTINGS);

        assertThat(curve.learned()).isFalse();
        assertThat(curve.describe()).isEmpty();
        DayProgress nine = DayProgress.at(local(TODAY, "09:00"), LA);
        assertThat(at(curve, nine)).isEqualByComparingTo(nine.fraction());
        assertThat(at(curve, nine)).isEqualByComparingTo("0.375");
    }

    @Test
    void anAccountThatSpendsAfterNoonIsExpectedToHaveSpentNothingInTheMorningAndHalfBySixInTheEvening() {
        IntradayCurve curve = IntradayCurve.learn(eveningDays(7, "10"), SETTINGS);

        assertThat(curve.learned()).isTrue();
        assertThat(curve.days()).isEqualTo(7);
        assertThat(at(curve, DayProgress.at(local(TODAY, "09:00"), LA))).isEqualByComparingTo("0");
        assertThat(at(curve, DayProgress.at(local(TODAY, "18:00"), LA))).isCloseTo(new BigDecimal("0.5"), TINY);
        // half of the 18:00 hour's twelfth
        assertThat(at(curve, DayProgress.at(local(TODAY, "18:30"), LA)))
                .isCloseTo(new BigDecimal("0.5416666667"), Offset.offset(new BigDecimal("1e-9")));
        assertThat(at(curve, DayProgress.at(local(TODAY, "23:59:59"), LA)))
                .isCloseTo(BigDecimal.ONE, Offset.offset(new BigDecimal("0.0001")));
    }

    @Test
    void everyDayWeighsTheSameWhateverItSpent() {
        List<IntradayCurve.HourSpend> history = new ArrayList<>();
        // six days spending 10 in the morning hour 08, and one huge day spending 1000 in the evening hour 20
        for (int d = 1; d <= 6; d++) {
            history.add(new IntradayCurve.HourSpend(TODAY.minusDays(d), 8, new BigDecimal("10")));
        }
        history.add(new IntradayCurve.HourSpend(TODAY.minusDays(7), 20, new BigDecimal("1000")));

        IntradayCurve curve = IntradayCurve.learn(history, SETTINGS);

        assertThat(at(curve, DayProgress.at(local(TODAY, "12:00"), LA))).isCloseTo(
                new BigDecimal(6).divide(new BigDecimal(7), java.math.MathContext.DECIMAL64), TINY);
    }

    @Test
    void aSpringForwardDayReachesTheSkippedHoursShareWhenTheClocksJump() {
        List<IntradayCurve.HourSpend> history = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            for (int hour = 0; hour < 24; hour++) {
                history.add(new IntradayCurve.HourSpend(LocalDate.parse("2026-03-08").minusDays(d), hour,
                        BigDecimal.ONE));
            }
        }
        IntradayCurve curve = IntradayCurve.learn(history, SETTINGS);
        LocalDate dstDay = LocalDate.parse("2026-03-08"); // 02:00 does not exist in Los Angeles

        BigDecimal before = at(curve, DayProgress.at(local(dstDay, "01:59:59"), LA));
        BigDecimal after = at(curve, DayProgress.at(local(dstDay, "03:00"), LA));

        assertThat(before).isLessThan(new BigDecimal(2).divide(new BigDecimal(24), java.math.MathContext.DECIMAL64));
        assertThat(after).isCloseTo(new BigDecimal(3).divide(new BigDecimal(24), java.math.MathContext.DECIMAL64),
                TINY);
    }

    @Test
    void settingsMustAskForNoMoreDaysThanTheyLookAt() {
        assertThatThrownBy(() -> new IntradayCurve.Settings(5, 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min-days");
    }

    private static List<IntradayCurve.HourSpend> eveningDays(int days, String spend) {
        List<IntradayCurve.HourSpend> history = new ArrayList<>();
        for (int d = 1; d <= days; d++) {
            for (int hour = 12; hour < 24; hour++) {
                history.add(new IntradayCurve.HourSpend(TODAY.minusDays(d), hour, new BigDecimal(spend)));
            }
        }
        return history;
    }

    private static Instant local(LocalDate date, String time) {
        return date.atTime(java.time.LocalTime.parse(time)).atZone(LA).toInstant();
    }

    /** The curve's share at {@code day}'s local time (linear: the elapsed share of the real day). */
    private static BigDecimal at(IntradayCurve curve, DayProgress day) {
        return curve.fractionAt(day.localTime().toLocalTime(), day.fraction());
    }
}
