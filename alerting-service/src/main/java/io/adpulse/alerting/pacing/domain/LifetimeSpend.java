package io.adpulse.alerting.pacing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The spend of one budget holder summed over the local dates of its flight, from the latest report of each date.
 *
 * @param amount the sum, in {@code currency}
 * @param currency the currency of every summed row; null when the rows disagree (then nothing is judged)
 * @param latestDate the latest local date with a report
 * @param latestObservedAt when that date's report was observed
 */
public record LifetimeSpend(BigDecimal amount, String currency, LocalDate latestDate, Instant latestObservedAt) {
}
