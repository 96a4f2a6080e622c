package io.adpulse.alerting.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of alerting-service, bound from {@code adpulse.alerting.*}.
 *
 * @param evaluationInterval how often every paced campaign is evaluated again without a new observation
 *        ({@code adpulse.alerting.evaluation-interval}, default {@code PT30S}); needed because pacing
 *        is a function of the time of day, and because a local day ending must resolve its alerts
 * @param pacing thresholds of the {@code daily-budget-pacing} rule
 * @param outbox how the outbox relay publishes alert events
 * @param listener retries of an observation whose processing failed before it goes to the dead-letter topic
 */
@Validated
@ConfigurationProperties("adpulse.alerting")
public record AlertingProperties(
        @DefaultValue("PT30S") @NotNull @DurationMin(millis = 100) Duration evaluationInterval,
        @DefaultValue @NotNull @Valid Pacing pacing,
        @DefaultValue @NotNull @Valid Outbox outbox,
        @DefaultValue @NotNull @Valid Listener listener) {

    /**
     * Thresholds of the {@code daily-budget-pacing} rule.
     *
     * @param tolerance relative half-width of the pacing band at the start of the local day
     *        ({@code adpulse.alerting.pacing.tolerance}, default {@code 0.25}, i.e. ±25 % of expected spend)
     * @param minToleranceFactor the band narrows as the day goes on but never below
     *        {@code tolerance × minToleranceFactor} ({@code adpulse.alerting.pacing.min-tolerance-factor},
     *        default {@code 0.25})
     * @param minSpend floor in the account currency: pacing ahead is judged only once spend reaches it,
     *        pacing behind only once expected spend reaches it, so tiny amounts early in the day do not page
     *        anyone ({@code adpulse.alerting.pacing.min-spend}, default {@code 10})
     */
    public record Pacing(
            @DefaultValue("0.25") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal tolerance,
            @DefaultValue("0.25") @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal minToleranceFactor,
            @DefaultValue("10") @NotNull @DecimalMin("0") BigDecimal minSpend) {
    }

    /**
     * The outbox relay.
     *
     * @param pollInterval how often unpublished alert events are looked for
     *        ({@code adpulse.alerting.outbox.poll-interval}, default {@code PT1S})
     * @param batchSize most events published per pass; a full batch is followed at once by the next
     *        ({@code adpulse.alerting.outbox.batch-size}, default {@code 100})
     */
    public record Outbox(
            @DefaultValue("PT1S") @NotNull @DurationMin(millis = 10) Duration pollInterval,
            @DefaultValue("100") @Min(1) @Max(1000) int batchSize) {
    }

    /**
     * Retries of a consumed record whose processing failed for a reason other than being invalid
     * (a database outage, a lost race on an alert). Invalid records are never retried.
     *
     * @param retries attempts after the first ({@code adpulse.alerting.listener.retries}, default {@code 3})
     * @param backoff first delay between attempts, doubled each time
     *        ({@code adpulse.alerting.listener.backoff}, default {@code PT0.2S})
     */
    public record Listener(
            @DefaultValue("3") @Min(0) @Max(20) int retries,
            @DefaultValue("PT0.2S") @NotNull @DurationMin(millis = 1) Duration backoff) {
    }
}
