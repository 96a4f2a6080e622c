package io.adpulse.sandbox.control;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;

/**
 * The time buckets of ground truth: local days, or local hours labelled the way TikTok labels
 * {@code stat_time_hour} ({@code "2026-03-18 09:00:00"}); the hour that repeats when clocks go back shares one label,
 * exactly as in the report.
 */
enum Grain {
    DAY(DateTimeFormatter.ofPattern("yyyy-MM-dd"), 366),
    HOUR(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00:00"), 31);

    private final DateTimeFormatter label;
    private final int maxDays;

    Grain(DateTimeFormatter label, int maxDays) {
        this.label = label;
        this.maxDays = maxDays;
    }

    /** The bucket an hour falls in, in the advertiser's display time zone. */
    String label(Instant hour, ZoneId zone) {
        return label.format(hour.atZone(zone));
    }

    /** The longest date range one ground-truth request may cover at this grain. */
    int maxDays() {
        return maxDays;
    }

    String apiName() {
        return name().toLowerCase();
    }

    static Optional<Grain> of(String name) {
        return Arrays.stream(values()).filter(grain -> grain.apiName().equals(name)).findFirst();
    }
}
