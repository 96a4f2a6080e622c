package io.adpulse.ingest.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.EntityLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which report calls the connections of one token share ({@link ReportSync#schedule}). */
class ReportScheduleTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    private static final List<ReportStream> DAILY = List.of(ReportStream.CAMPAIGN_DAILY);

    @Test
    void advertisersWithTheSameDatesShareEveryWindow() {
        List<ReportSync.Member> members = List.of(member(1), member(1), member(1));
        List<ReportSync.Due> dues = members.stream()
                .map(m -> due(m, ReportStream.CAMPAIGN_DAILY, TODAY.minusDays(30), TODAY)).toList();

        List<ReportSync.Call> calls = ReportSync.schedule(dues, DAILY);

        assertThat(calls).extracting(ReportSync.Call::window)
                .containsExactly(window(TODAY.minusDays(30), TODAY.minusDays(1)), window(TODAY, TODAY));
        assertThat(calls).allSatisfy(call -> assertThat(call.parts()).containsOnlyKeys(members)
                .allSatisfy((member, part) -> assertThat(part).isEqualTo(call.window())));
    }

    @Test
    void advertisersADayApartShareWindowsEachKeepingItsOwnDates() {
        ReportSync.Member losAngeles = member(1);
        ReportSync.Member tokyo = member(1);
        List<ReportSync.Due> dues = List.of(
                due(losAngeles, ReportStream.CAMPAIGN_DAILY, TODAY.minusDays(30), TODAY),
                due(tokyo, ReportStream.CAMPAIGN_DAILY, TODAY.minusDays(29), TODAY.plusDays(1)));

        List<ReportSync.Call> calls = ReportSync.schedule(dues, DAILY);

        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).window()).isEqualTo(window(TODAY.minusDays(30), TODAY.minusDays(1)));
        assertThat(calls.get(0).parts()).isEqualTo(Map.of(
                losAngeles, window(TODAY.minusDays(30), TODAY.minusDays(1)),
                tokyo, window(TODAY.minusDays(29), TODAY.minusDays(1))));
        assertThat(calls.get(1).window()).isEqualTo(window(TODAY, TODAY.plusDays(1)));
        assertThat(calls.get(1).parts()).isEqualTo(Map.of(
                losAngeles, window(TODAY, TODAY), tokyo, window(TODAY, TODAY.plusDays(1))));
    }

    @Test
    void hourlyDaysAreSharedOnlyOnTheDaysBothRead() {
        ReportSync.Member losAngeles = member(1);
        ReportSync.Member tokyo = member(1);
        List<ReportSync.Due> dues = List.of(
                due(losAngeles, ReportStream.CAMPAIGN_HOURLY, TODAY.minusDays(1), TODAY),
                due(tokyo, ReportStream.CAMPAIGN_HOURLY, TODAY, TODAY.plusDays(1)));

        List<ReportSync.Call> calls = ReportSync.schedule(dues, List.of(ReportStream.CAMPAIGN_HOURLY));

        assertThat(calls).extracting(call -> call.window().from())
                .containsExactly(TODAY.minusDays(1), TODAY, TODAY.plusDays(1));
        assertThat(calls).extracting(call -> call.parts().keySet())
                .containsExactly(java.util.Set.of(losAngeles), java.util.Set.of(losAngeles, tokyo),
                        java.util.Set.of(tokyo));
    }

    @Test
    void aBackfillAndAnUpToDateAdvertiserShareOnlyTheWindowThatIsTheSame() {
        ReportSync.Member backfilling = member(1);
        ReportSync.Member upToDate = member(1);
        List<ReportSync.Due> coinciding = List.of(
                due(backfilling, ReportStream.CAMPAIGN_DAILY, TODAY.minusDays(37), TODAY),
                due(upToDate, ReportStream.CAMPAIGN_DAILY, TODAY.minusDays(7), TODAY));
        List<ReportSync.Due> differing = List.of(
                due(backfilling, ReportStream.CAMPAIGN_DAILY, TODAY.minusDays(19), TODAY),
                due(upToDate, ReportStream.CAMPAIGN_DAILY, TODAY.minusDays(7), TODAY));

        List<ReportSync.Call> shared = ReportSync.schedule(coinciding, DAILY);
        List<ReportSync.Call> apart = ReportSync.schedule(differing, DAILY);

        assertThat(shared).hasSize(2);
        assertThat(shared.get(0).parts()).isEqualTo(Map.of(backfilling, window(TODAY.minusDays(37), TODAY.minusDays(8))));
        assertThat(shared.get(1).parts()).isEqualTo(Map.of(backfilling, window(TODAY.minusDays(7), TODAY),
                upToDate, window(TODAY.minusDays(7), TODAY)));
        assertThat(apart).extracting(call -> call.parts().size()).containsExactly(1, 1);
        assertThat(apart).extracting(ReportSync.Call::window)
                .containsExactly(window(TODAY.minusDays(19), TODAY), window(TODAY.minusDays(7), TODAY));
    }

    @Test
    void atMostFiveAdvertisersAndTwentyThousandEntitiesShareACall() {
        List<ReportSync.Due> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(due(member(1), ReportStream.CAMPAIGN_DAILY, TODAY, TODAY));
        }
        ReportSync.Member big = member(12_000);
        ReportSync.Member bigToo = member(9_000);
        List<ReportSync.Due> large = List.of(due(big, ReportStream.AD_DAILY, TODAY, TODAY),
                due(bigToo, ReportStream.AD_DAILY, TODAY, TODAY),
                due(big, ReportStream.ADVERTISER_DAILY, TODAY, TODAY),
                due(bigToo, ReportStream.ADVERTISER_DAILY, TODAY, TODAY));

        assertThat(ReportSync.schedule(six, DAILY)).extracting(call -> call.parts().size()).containsExactly(5, 1);
        assertThat(ReportSync.schedule(large, List.of(ReportStream.ADVERTISER_DAILY, ReportStream.AD_DAILY)))
                .extracting(call -> call.stream() + ":" + call.parts().size())
                .containsExactly("ADVERTISER_DAILY:2", "AD_DAILY:1", "AD_DAILY:1");
    }

    /** A member with one campaign and {@code ads} ads. */
    private static ReportSync.Member member(int ads) {
        EntityCensus census = new EntityCensus();
        census.counted(EntityLevel.CAMPAIGN);
        for (int i = 0; i < ads; i++) {
            census.counted(EntityLevel.AD);
        }
        return new ReportSync.Member(null, census);
    }

    private static ReportSync.Due due(ReportSync.Member member, ReportStream stream, LocalDate from, LocalDate to) {
        return new ReportSync.Due(member, stream, window(from, to));
    }

    private static DateWindow window(LocalDate from, LocalDate to) {
        return new DateWindow(from, to);
    }
}
