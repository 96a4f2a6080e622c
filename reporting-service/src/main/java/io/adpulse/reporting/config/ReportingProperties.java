package io.adpulse.reporting.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
 */
@Validated
@ConfigurationProperties("adpulse.reporting")
public record ReportingProperties(
        @DefaultValue("366") @Min(1) @Max(3660) int maxRangeDays,
        @DefaultValue("31") @Min(1) @Max(366) int maxHourlyRangeDays,
        @DefaultValue @Valid @NotNull Consumer consumer) {

    /**
     * Retry of records whose processing failed for a reason that may pass (database unavailable, for
     * example). Invalid events are never retried: they go to {@code <topic>.dlt} at once.
     *
     * @param retryAttempts retries after the first failure before the record is dead-lettered
     *                      ({@code adpulse.reporting.consumer.retry-attempts}, default 3)
     * @param retryBackoff  pause between two attempts ({@code adpulse.reporting.consumer.retry-backoff},
     *                      default 1s)
     */
    public record Consumer(
            @DefaultValue("3") @Min(0) @Max(20) int retryAttempts,
            @DefaultValue("1s") @NotNull Duration retryBackoff) {
    }
}
