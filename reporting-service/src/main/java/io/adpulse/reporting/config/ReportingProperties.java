package io.adpulse.reporting.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of reporting-service, bound from {@code adpulse.reporting.*}.
 *
 * @param maxRangeDays longest date range, in days and counting both ends, that one report request may
 *                     span ({@code adpulse.reporting.max-range-days}, default 366 so a full leap year fits);
 *                     bounds the rows a single request can read
 * @param maxHourlyRangeDays longest date range, in days and counting both ends, of an hourly time series
 *                     ({@code adpulse.reporting.max-hourly-range-days}, default 31, so at most 744 hours)
 * @param consumer     how failed Kafka records are retried before they go to the dead-letter topic
 * @param pacingTolerance share by which a budget's projected spend may miss it either way and still be on track
 *                     ({@code adpulse.reporting.pacing-tolerance}, default 0.10, 0–1)
 * @param reports      the weekly client reports: their schedule and the relay announcing them
 * @param fxRates      daily FX rates from configuration ({@code adpulse.reporting.fx-rates[i].date|base|quote|rate},
 *                     default none); used where the {@code fx_rate} table (the admin API) has no rate for the
 *                     date and pair, which always wins
 */
@Validated
@ConfigurationProperties("adpulse.reporting")
public record ReportingProperties(
        @DefaultValue("366") @Min(1) @Max(3660) int maxRangeDays,
        @DefaultValue("31") @Min(1) @Max(366) int maxHourlyRangeDays,
        @DefaultValue @Valid @NotNull Consumer consumer,
        @DefaultValue("0.10") @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal pacingTolerance,
        @DefaultValue @Valid @NotNull List<FxRate> fxRates,
        @DefaultValue @Valid @NotNull Reports reports) {

    /**
     * One configured FX rate: on {@code date}, 1 {@code base} is worth {@code rate} {@code quote}.
     *
     * @param date  the advertiser-local date it applies to
     * @param base  ISO 4217 code converted from
     * @param quote ISO 4217 code converted to
     * @param rate  positive decimal
     */
    public record FxRate(@NotNull LocalDate date, @NotNull @Pattern(regexp = "[A-Z]{3}") String base,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String quote, @NotNull @Positive BigDecimal rate) {
    }

    /**
     * Weekly client reports.
     *
     * @param cron          when the schedule generates the reports of the last complete ISO week, a Spring cron
     *                      expression in UTC ({@code adpulse.reporting.reports.cron}, default {@code 0 0 6 * * MON},
     *                      Monday 06:00 UTC); a client whose advertisers' week is not over yet at that time (their
     *                      zone is behind) gets its report as soon as it is
     * @param checkInterval how often the schedule looks for reports that are due
     *                      ({@code adpulse.reporting.reports.check-interval}, default 1m)
     * @param relayInterval how often unpublished {@code ReportGenerated} events are looked for
     *                      ({@code adpulse.reporting.reports.relay-interval}, default 1s)
     */
    public record Reports(
            @DefaultValue("0 0 6 * * MON") @NotNull String cron,
            @DefaultValue("1m") @NotNull Duration checkInterval,
            @DefaultValue("1s") @NotNull Duration relayInterval) {

        public Reports {
            if (!CronExpression.isValidExpression(cron)) {
                throw new IllegalArgumentException("adpulse.reporting.reports.cron is not a valid cron expression: "
                        + cron);
            }
        }
    }

    /**
     * Retry of records whose processing failed for a reason that may pass (database unavailable, for
     * example). Invalid events are never retried: they go to {@code <topic>.dlt} at once.
     *
     * @param retryAttempts      retries after the first failure before the record is dead-lettered
     *                           ({@code adpulse.reporting.consumer.retry-attempts}, default 3)
     * @param retryBackoff       pause between two attempts ({@code adpulse.reporting.consumer.retry-backoff},
     *                           default 1s)
     * @param metricsConcurrency consumers of {@code tiktok.metrics.v1}, each on its own thread with its own
     *                           partitions ({@code adpulse.reporting.consumer.metrics-concurrency}, default 3, the
     *                           topic's partitions): one decodes its poll while another's is being written; more
     *                           than the partitions stay idle
     */
    public record Consumer(
            @DefaultValue("3") @Min(0) @Max(20) int retryAttempts,
            @DefaultValue("1s") @NotNull Duration retryBackoff,
            @DefaultValue("3") @Min(1) @Max(64) int metricsConcurrency) {
    }
}
