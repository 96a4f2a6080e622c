package io.adpulse.reporting.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * An inclusive range of advertiser-local dates, as reports take them: {@code from} and {@code to} are
 * ISO dates (YYYY-MM-DD), {@code to} is not before {@code from}, and the range spans at most the
 * configured number of days, both ends counted.
 */
public record DateRange(LocalDate from, LocalDate to) {

    private static final int MAX_ECHO = 40;

    /** Checks the request parameters; the exception's reason says what is wrong. */
    public static DateRange parse(String from, String to, int maxDays) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new InvalidRequestException("'to' (" + end + ") must not be before 'from' (" + start + ")");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > maxDays) {
            throw new InvalidRequestException("the range " + start + " to " + end + " spans " + days
                    + " days; at most " + maxDays + " are allowed");
        }
        return new DateRange(start, end);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("'" + name + "' is required, as a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            String shown = value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "…" : value;
            throw new InvalidRequestException("'" + name + "' must be a date YYYY-MM-DD, got '" + shown + "'");
        }
    }
}
