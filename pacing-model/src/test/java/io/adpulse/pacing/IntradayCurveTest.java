package io.adpulse.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared curve on its own; alerting-service's IntradayCurveTest covers it with local days across DST changes. */
class IntradayCurveTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    @Test
    void linearGivesBackTheElapsedShareOfTheRealDay() {
        BigDecimal share = new BigDecimal("0.391304");
        assertThat(IntradayCurve.linear().fractionAt(LocalTime.of(9, 0), share)).isEqualTo(share);
        assertThat(IntradayCurve.linear().learned()).isFalse();
    }

    @Test
    void anAccountThatSpendsHalfBeforeNoonAndHalfAfterSixIsHalfwayFromNoonToSix() {
        List<IntradayCurve.HourSpend> history = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            history.add(new IntradayCurve.HourSpend(TODAY.minusDays(day), 10, new BigDecimal("50")));
            history.add(new IntradayCurve.HourSpend(TODAY.minusDays(day), 20, new BigDecimal(day * 10)));
        }
        IntradayCurve curve = IntradayCurve.learn(history, IntradayCurve.Settings.defaults());

        assertThat(curve.learned()).isTrue();
        assertThat(curve.days()).isEqualTo(7);
        assertThat(curve.fractionAt(LocalTime.of(9, 0), BigDecimal.ONE)).isEqualByComparingTo("0");
        assertThat(curve.fractionAt(LocalTime.of(15, 0), BigDecimal.ZERO).doubleValue())
                .isCloseTo(shareBefore20(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(curve.fractionAt(LocalTime.of(23, 59, 59), BigDecimal.ZERO)).isEqualByComparingTo("1");
    }

    /** Average over the 7 days of 50 / (50 + 10 d). */
    private static double shareBefore20() {
        double sum = 0;
        for (int d = 1; d <= 7; d++) {
            sum += 50.0 / (50 + 10 * d);
        }
        return sum / 7;
    }
}
