package io.adpulse.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

class ReportWeeksTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId HONOLULU = ZoneId.of("Pacific/Honolulu");
    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    @Test
    void theDefaultRunReportsTheWeekThatJustEnded() {
        CronExpression cron = CronExpression.parse("0 0 6 * * MON");
        Instant run = ReportWeeks.lastRun(cron, Instant.parse("2025-07-16T12:00:00Z"));
        assertThat(run).isEqualTo(Instant.parse("2025-07-14T06:00:00Z"));
        assertThat(ReportWeeks.weekOfRun(run)).isEqualTo(LocalDate.parse("2025-07-07"));
        assertThat(ReportWeeks.lastRun(cron, Instant.parse("2025-07-14T05:59:59Z")))
                .isEqualTo(Instant.parse("2025-07-07T06:00:00Z"));
        assertThat(ReportWeeks.lastRun(CronExpression.parse("0 0 6 1 1 *"), Instant.parse("2025-07-16T12:00:00Z")))
                .isEqualTo(Instant.parse("2025-01-01T06:00:00Z"));
    }

    @Test
    void aWeekIsOverOnlyOnceItsSundayEndedInEveryAdvertisersZone() {
        LocalDate week = LocalDate.parse("2025-07-07");
        Instant mondaySix = Instant.parse("2025-07-14T06:00:00Z");
        assertThat(ReportWeeks.over(week, Set.of(TOKYO), mondaySix)).isTrue();
        assertThat(ReportWeeks.over(week, Set.of(TOKYO, LA), mondaySix)).isFalse();
        assertThat(ReportWeeks.over(week, Set.of(LA), Instant.parse("2025-07-14T07:00:00Z"))).isTrue();
        assertThat(ReportWeeks.over(week, Set.of(HONOLULU), Instant.parse("2025-07-14T09:59:59Z"))).isFalse();
        assertThat(ReportWeeks.over(week, Set.of(HONOLULU), Instant.parse("2025-07-14T10:00:00Z"))).isTrue();
        assertThat(ReportWeeks.over(week, List.of(), Instant.parse("2025-07-14T11:59:59Z"))).isFalse();
        assertThat(ReportWeeks.over(week, List.of(), Instant.parse("2025-07-14T12:00:00Z"))).isTrue();
    }

    @Test
    void theLastWeekOverDependsOnTheZonesFurthestBehind() {
        Instant mondaySix = Instant.parse("2025-07-14T06:00:00Z");
        assertThat(ReportWeeks.lastOver(Set.of(TOKYO), mondaySix)).isEqualTo(LocalDate.parse("2025-07-07"));
        assertThat(ReportWeeks.lastOver(Set.of(TOKYO, HONOLULU), mondaySix)).isEqualTo(LocalDate.parse("2025-06-30"));
        // Sunday 23:30 UTC is already Monday in Tokyo.
        assertThat(ReportWeeks.lastOver(Set.of(TOKYO), Instant.parse("2025-07-13T23:30:00Z")))
                .isEqualTo(LocalDate.parse("2025-07-07"));
    }
}
