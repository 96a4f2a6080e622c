package io.adpulse.ingest.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateWindowTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    @ParameterizedTest(name = "{0}..{1} in slices of {2}")
    @CsvSource({"2026-10-21,2026-11-20,30", "2026-01-01,2026-12-31,30", "2026-11-20,2026-11-20,30",
            "2026-10-22,2026-11-20,30", "2026-02-20,2026-03-05,7", "2024-02-01,2024-03-31,1"})
    void slicesCoverTheRangeExactlyWithoutOverlapAndWithinTheLimit(LocalDate from, LocalDate to, int maxDays) {
        List<DateWindow> slices = new DateWindow(from, to).slice(maxDays);

        assertThat(slices.get(0).from()).isEqualTo(from);
        assertThat(slices.get(slices.size() - 1).to()).isEqualTo(to);
        for (int i = 0; i < slices.size(); i++) {
            assertThat(slices.get(i).days()).isBetween(1L, (long) maxDays);
            if (i > 0) {
                assertThat(slices.get(i).from()).isEqualTo(slices.get(i - 1).to().plusDays(1));
            }
        }
        assertThat(slices.stream().mapToLong(DateWindow::days).sum()).isEqualTo(new DateWindow(from, to).days());
    }

    @Test
    void thirtyOneDaysNeedTwoReportWindows() {
        assertThat(new DateWindow(TODAY.minusDays(30), TODAY).slice(DateWindow.MAX_REPORT_DAYS)).containsExactly(
                new DateWindow(TODAY.minusDays(30), TODAY.minusDays(1)), new DateWindow(TODAY, TODAY));
    }

    @Test
    void firstSyncReadsTheWholeBackfill() {
        assertThat(DateWindow.toRead(Optional.empty(), TODAY, 30, 7)).isEqualTo(new DateWindow(TODAY.minusDays(30), TODAY));
    }

    @Test
    void laterSyncsRereadTheAttributionLookback() {
        assertThat(DateWindow.toRead(Optional.of(TODAY), TODAY, 30, 7)).isEqualTo(new DateWindow(TODAY.minusDays(7), TODAY));
        assertThat(DateWindow.toRead(Optional.of(TODAY.minusDays(1)), TODAY, 30, 7))
                .isEqualTo(new DateWindow(TODAY.minusDays(7), TODAY));
    }

    @Test
    void laterSyncAfterAnOutageClosesTheGapButStaysWithinTheBackfill() {
        assertThat(DateWindow.toRead(Optional.of(TODAY.minusDays(12)), TODAY, 30, 7))
                .isEqualTo(new DateWindow(TODAY.minusDays(11), TODAY));
        assertThat(DateWindow.toRead(Optional.of(TODAY.minusDays(100)), TODAY, 30, 7))
                .isEqualTo(new DateWindow(TODAY.minusDays(30), TODAY));
    }

    @Test
    void aWatermarkAheadOfTodayStillRereadsTheLookback() {
        assertThat(DateWindow.toRead(Optional.of(TODAY.plusDays(1)), TODAY, 30, 7))
                .isEqualTo(new DateWindow(TODAY.minusDays(7), TODAY));
    }

    @Test
    void rejectsAWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new DateWindow(TODAY, TODAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before it starts");
    }
}
