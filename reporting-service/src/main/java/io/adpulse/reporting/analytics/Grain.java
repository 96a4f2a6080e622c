package io.adpulse.reporting.analytics;

import io.adpulse.reporting.web.InvalidRequestException;
import io.adpulse.reporting.web.Texts;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * The bucket of a time series, in the advertiser's time zone. Weeks are ISO weeks (Monday to Sunday, labelled
 * {@code 2025-W09} with the week-based year), months calendar months ({@code 2025-03}), days dates
 * ({@code 2025-03-01}) and hours local hours ({@code 2025-03-01T09:00}). Hours are read from the hourly
 * observations; days, weeks and months from the daily ones, which TikTok reports on their own.
 */
enum Grain {
    HOUR("hour"), DAY("day"), WEEK("week"), MONTH("month");

    /** The PostgreSQL {@code date_trunc} unit, and the API name. */
    final String unit;

    Grain(String unit) {
        this.unit = unit;
    }

    static Grain parse(String grain) {
        if (grain == null) {
            return DAY;
        }
        String wanted = grain.strip().toLowerCase(Locale.ROOT);
        for (Grain g : values()) {
            if (g.unit.equals(wanted)) {
                return g;
            }
        }
        throw new InvalidRequestException("'grain' must be one of hour, day, week, month; got '"
                + Texts.echo(grain, 20) + "'");
    }

    boolean hourly() {
        return this == HOUR;
    }

    /** The label of the bucket starting at {@code start}. */
    String label(LocalDateTime start) {
        return switch (this) {
            case HOUR -> start.toString();
            case DAY -> start.toLocalDate().toString();
            case WEEK -> "%d-W%02d".formatted(start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> YearMonth.from(start).toString();
        };
    }

    /** The first instant of the bucket as shown: a local date-time for hours, a date otherwise. */
    String start(LocalDateTime start) {
        return this == HOUR ? start.toString() : start.toLocalDate().toString();
    }

    /** The last hour or day of the bucket, both ends being part of it. */
    String end(LocalDateTime start) {
        return switch (this) {
            case HOUR -> start.toString();
            case DAY -> start.toLocalDate().toString();
            case WEEK -> start.toLocalDate().plusDays(6).toString();
            case MONTH -> YearMonth.from(start).atEndOfMonth().toString();
        };
    }

    /** Hours (for {@link #HOUR}) or days in the whole bucket. */
    long slots(LocalDateTime start) {
        return switch (this) {
            case HOUR, DAY -> 1;
            case WEEK -> 7;
            case MONTH -> YearMonth.from(start).lengthOfMonth();
        };
    }
}
