package io.adpulse.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class DateRangeTest {

    @Test
    void acceptsAFullLeapYearWhenTheLimitIs366Days() {
        DateRange range = DateRange.parse("2024-01-01", "2024-12-31", 366);

        assertThat(range).isEqualTo(new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
    }

    @Test
    void acceptsASingleDay() {
        assertThat(DateRange.parse("2026-11-19", "2026-11-19", 366).from()).isEqualTo(LocalDate.of(2026, 11, 19));
    }

    @Test
    void rejectsARangeLongerThanTheLimit() {
        assertThatThrownBy(() -> DateRange.parse("2024-01-01", "2025-01-01", 366))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("spans 367 days; at most 366");
    }

    @Test
    void rejectsToBeforeFrom() {
        assertThatThrownBy(() -> DateRange.parse("2026-11-20", "2026-11-19", 366))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'to' (2026-11-19) must not be before 'from' (2026-11-20)");
    }

    @Test
    void rejectsAMalformedDateNamingTheParameter() {
        assertThatThrownBy(() -> DateRange.parse("2026-13-01", "2026-12-01", 366))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST))
                .hasMessageContaining("'from' must be a date YYYY-MM-DD, got '2026-13-01'");
    }

    @Test
    void rejectsAMissingDate() {
        assertThatThrownBy(() -> DateRange.parse("2026-11-19", null, 366))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'to' is required");
    }
}
