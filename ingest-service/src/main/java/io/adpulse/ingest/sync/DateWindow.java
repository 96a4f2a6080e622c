package io.adpulse.ingest.sync;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An inclusive range of advertiser-local dates. */
public record DateWindow(LocalDate from, LocalDate to) {

    /** TikTok rejects daily reports ({@code stat_time_day}) over more than 30 days per request. */
    public static final int MAX_REPORT_DAYS = 30;

    public DateWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends " + to + " before it starts " + from);
        }
    }

    /**
     * The dates a daily-report sync reads, ending today. The first sync ({@code lastCovered} empty) reads
     * {@code backfillDays} before today; later syncs re-read {@code lookbackDays} because TikTok restates
     * recent days, reaching further back when the last covered date is older (the service was down), but
     * never before the backfill horizon.
     */
    static DateWindow toRead(Optional<LocalDate> lastCovered, LocalDate today, int backfillDays, int lookbackDays) {
        LocalDate horizon = today.minusDays(backfillDays);
        LocalDate from = lastCovered
                .map(last -> earliest(today.minusDays(lookbackDays), last.plusDays(1)))
                .orElse(horizon);
        return new DateWindow(from.isBefore(horizon) ? horizon : from, today);
    }

    /** Consecutive windows of at most {@code maxDays} that cover this one exactly, oldest first. */
    public List<DateWindow> slice(int maxDays) {
        if (maxDays < 1) {
            throw new IllegalArgumentException("maxDays must be positive: " + maxDays);
        }
        List<DateWindow> slices = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = start.plusDays(maxDays - 1L);
            if (end.isAfter(to)) {
                end = to;
            }
            slices.add(new DateWindow(start, end));
            start = end.plusDays(1);
        }
        return slices;
    }

    /** The two windows covering the first and second half of this one (the first gets the odd day); at least 2 days. */
    public List<DateWindow> halves() {
        if (days() < 2) {
            throw new IllegalStateException("a one-day window cannot be halved: " + from);
        }
        LocalDate firstEnd = from.plusDays((days() + 1) / 2 - 1);
        return List.of(new DateWindow(from, firstEnd), new DateWindow(firstEnd.plusDays(1), to));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
