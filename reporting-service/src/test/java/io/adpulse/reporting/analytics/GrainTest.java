package io.adpulse.reporting.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.reporting.web.InvalidRequestException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class GrainTest {

    @Test
    void labelsIsoWeeksWithTheWeekBasedYearAcrossNewYear() {
        assertThat(Grain.WEEK.label(LocalDateTime.parse("2024-12-30T00:00"))).isEqualTo("2025-W01");
        assertThat(Grain.WEEK.label(LocalDateTime.parse("2020-12-28T00:00"))).isEqualTo("2020-W53");
        assertThat(Grain.WEEK.end(LocalDateTime.parse("2024-12-30T00:00"))).isEqualTo("2025-01-05");
    }

    @Test
    void labelsMonthsHoursAndDays() {
        LocalDateTime feb = LocalDateTime.parse("2024-02-01T00:00");
        assertThat(Grain.MONTH.label(feb)).isEqualTo("2024-02");
        assertThat(Grain.MONTH.end(feb)).isEqualTo("2024-02-29");
        assertThat(Grain.MONTH.slots(feb)).isEqualTo(29);
        assertThat(Grain.HOUR.label(LocalDateTime.parse("2024-02-01T07:00"))).isEqualTo("2024-02-01T07:00");
        assertThat(Grain.DAY.label(feb)).isEqualTo("2024-02-01");
    }

    @Test
    void parsesGrainsCaseInsensitivelyWithDayAsDefault() {
        assertThat(Grain.parse(null)).isEqualTo(Grain.DAY);
        assertThat(Grain.parse(" Week ")).isEqualTo(Grain.WEEK);
        assertThatThrownBy(() -> Grain.parse("quarter")).isInstanceOf(InvalidRequestException.class);
    }
}
