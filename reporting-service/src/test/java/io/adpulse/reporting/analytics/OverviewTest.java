package io.adpulse.reporting.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.reporting.web.DateRange;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OverviewTest {

    @Test
    void previousPeriodHasTheSameLengthAndEndsTheDayBefore() {
        DateRange march = new DateRange(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"));

        assertThat(Overview.previous(march))
                .isEqualTo(new DateRange(LocalDate.parse("2025-01-29"), LocalDate.parse("2025-02-28")));
    }

    @Test
    void changeIsComputedFromTheShownFigures() {
        assertThat(Overview.Delta.of("12.50", "10.00")).isEqualTo(new Overview.Delta("2.50", "0.2500"));
        assertThat(Overview.Delta.of("5", "8")).isEqualTo(new Overview.Delta("-3", "-0.3750"));
    }

    @Test
    void relativeChangeAgainstANegativeOrZeroPreviousFigureKeepsItsSignOrIsNull() {
        assertThat(Overview.Delta.of("1.00", "0.00")).isEqualTo(new Overview.Delta("1.00", null));
        assertThat(Overview.Delta.of("-1.00", "-2.00")).isEqualTo(new Overview.Delta("1.00", "0.5000"));
    }

    @Test
    void missingFigureHasNoChange() {
        assertThat(Overview.Delta.of(null, "10.00")).isEqualTo(new Overview.Delta(null, null));
        assertThat(Overview.Delta.of("10.00", null)).isEqualTo(new Overview.Delta(null, null));
    }
}
