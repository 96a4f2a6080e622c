package io.adpulse.reporting.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import org.springframework.scheduling.support.CronExpression;

/**
 * Which ISO week (Monday to Sunday, advertiser-local dates) a weekly report covers, and when it is over.
 *
 * <p>A week is over for an advertiser once its Sunday has ended in its own time zone; a report over several
 * advertisers waits until it is over for all of them (an advertiser whose zone is unknown counts as the furthest
 * behind, UTC−12). A scheduled run at instant F reports the ISO week before the one F falls in (in UTC): with the
 * default Monday 06:00 UTC, the week that just ended.
 */
final class ReportWeeks {

    /** The zone furthest behind UTC, assumed for an advertiser whose time zone is unknown. */
    static final ZoneId FURTHEST_BEHIND = ZoneId.of("Etc/GMT+12");

    private ReportWeeks() {
    }

    /** The week a run fired at {@code fire} reports: the ISO week before the UTC week of {@code fire}. */
    static LocalDate weekOfRun(Instant fire) {
        return fire.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
    }

    /** Whether the week starting {@code monday} has ended, at {@code now}, in every one of {@code zones}. */
    static boolean over(LocalDate monday, Collection<ZoneId> zones, Instant now) {
        Collection<ZoneId> all = zones.isEmpty() ? List.of(FURTHEST_BEHIND) : zones;
        return all.stream().allMatch(zone -> !now.isBefore(monday.plusDays(7).atStartOfDay(zone).toInstant()));
    }

    /** The latest week that is over at {@code now} in every one of {@code zones}. */
    static LocalDate lastOver(Collection<ZoneId> zones, Instant now) {
        LocalDate monday = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (!over(monday, zones, now)) {
            monday = monday.minusWeeks(1);
        }
        return monday;
    }

    /** The latest time the cron expression fired at or before {@code now} (in UTC), or {@code null} in the last year. */
    static Instant lastRun(CronExpression cron, Instant now) {
        ZonedDateTime end = now.atZone(ZoneOffset.UTC);
        for (long days : new long[] {8, 400}) {
            ZonedDateTime at = end.minusDays(days);
            ZonedDateTime last = null;
            for (int i = 0; i < 20_000; i++) {
                ZonedDateTime next = cron.next(at);
                if (next == null || next.isAfter(end)) {
                    break;
                }
                last = next;
                at = next;
            }
            if (last != null) {
                return last.toInstant();
            }
        }
        return null;
    }
}
