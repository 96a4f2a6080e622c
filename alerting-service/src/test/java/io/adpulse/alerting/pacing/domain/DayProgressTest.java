package io.adpulse.alerting.pacing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DayProgressTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @ParameterizedTest(name = "{0} is {1} of an ordinary 24-hour local day")
    @CsvSource({
            "2026-11-20T08:00:00Z, 0.000000",
            "2026-11-20T14:00:00Z, 0.250000",
            "2026-11-20T17:00:00Z, 0.375000",
            "2026-11-20T20:00:00Z, 0.500000",
            "2026-11-21T02:00:00Z, 0.750000",
            "2026-11-21T07:59:00Z, 0.999306"})
    void measuresTheElapsedShareOfAnOrdinaryLocalDay(String instant, String fraction) {
        DayProgress day = DayProgress.at(Instant.parse(instant), LOS_ANGELES);

        assertThat(day.localDate()).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(day.dayLength()).isEqualTo(Duration.ofHours(24));
        assertThat(rounded(day.fraction())).isEqualByComparingTo(fraction);
    }

    @Test
    void springForwardDayHas23HoursSo9amIsEightTwentyThirdsThrough() {
        DayProgress day = DayProgress.at(Instant.parse("2026-03-08T16:00:00Z"), LOS_ANGELES);

        assertThat(day.localTime().getHour()).isEqualTo(9);
        assertThat(day.dayLength()).isEqualTo(Duration.ofHours(23));
        assertThat(day.elapsed()).isEqualTo(Duration.ofHours(8));
        assertThat(rounded(day.fraction())).isEqualByComparingTo(rounded(new BigDecimal(8.0 / 23.0)));
    }

    @Test
    void fallBackDayHas25HoursSo9amIsTenTwentyFifthsThrough() {
        DayProgress day = DayProgress.at(Instant.parse("2026-11-01T17:00:00Z"), LOS_ANGELES);

        assertThat(day.localTime().getHour()).isEqualTo(9);
        assertThat(day.dayLength()).isEqualTo(Duration.ofHours(25));
        assertThat(day.fraction()).isEqualByComparingTo("0.4");
    }

    @Test
    void theRepeatedHourOnAFallBackDayCountsBothTimes() {
        DayProgress first = DayProgress.at(Instant.parse("2026-11-01T08:30:00Z"), LOS_ANGELES);
        DayProgress second = DayProgress.at(Instant.parse("2026-11-01T09:30:00Z"), LOS_ANGELES);

        assertThat(first.localTime().toLocalTime()).isEqualTo(second.localTime().toLocalTime());
        assertThat(first.fraction()).isEqualByComparingTo("0.06");
        assertThat(second.fraction()).isEqualByComparingTo("0.1");
    }

    @Test
    void usesTheAdvertisersOwnTimeZoneForTheLocalDate() {
        Instant instant = Instant.parse("2026-11-20T17:00:00Z");

        assertThat(DayProgress.at(instant, ZoneId.of("Asia/Tokyo")).localDate()).isEqualTo(LocalDate.parse("2026-11-21"));
        assertThat(DayProgress.at(instant, ZoneId.of("Etc/GMT+8")).localDate()).isEqualTo(LocalDate.parse("2026-11-20"));
    }

    private static BigDecimal rounded(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_UP);
    }
}
