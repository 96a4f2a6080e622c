package io.adpulse.sandbox.report;

/**
 * The time dimension of a report and TikTok's date-range limit for it: with {@code stat_time_day} at most 30
 * days, with {@code stat_time_hour} exactly one day, without a time dimension at most 365 days (or the lifetime).
 */
enum Granularity {
    DAY("stat_time_day", 30),
    HOUR("stat_time_hour", 1),
    TOTAL(null, 365);

    private final String dimension;
    private final int maxDays;

    Granularity(String dimension, int maxDays) {
        this.dimension = dimension;
        this.maxDays = maxDays;
    }

    /** The dimension name, or null when rows have no time dimension. */
    String dimension() {
        return dimension;
    }

    int maxDays() {
        return maxDays;
    }
}
