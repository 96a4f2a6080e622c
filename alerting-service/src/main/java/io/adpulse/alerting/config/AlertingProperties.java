package io.adpulse.alerting.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * @param routes the root of the routing tree that sends alert notifications to receivers
 * @param receivers where notifications go, by name
 * @param notifications how notifications are grouped, sent and retried
 * @param roas targets of the {@code roas-below-target} rule
 * @param cpa targets of the {@code cpa-above-target} rule
 * @param anomaly thresholds of the {@code spend-anomaly} rule
 * @param stoppedDelivering thresholds of the {@code campaign-stopped-delivering} rule
 * @param inhibitRules Alertmanager-style inhibit rules: firing alerts that keep others from being notified
 *        ({@code adpulse.alerting.inhibit-rules}; the shipped configuration has one, see application.yml)
 * @param health thresholds of the API-health rules ({@code api-error-rate}, {@code sync-stale},
 *        {@code token-expiring})
 */
@Validated
@ConfigurationProperties("adpulse.alerting")
public record AlertingProperties(
        @DefaultValue("PT30S") @NotNull @DurationMin(millis = 100) Duration evaluationInterval,
        @DefaultValue @NotNull @Valid Pacing pacing,
        @DefaultValue @NotNull @Valid Outbox outbox,
        @DefaultValue @NotNull @Valid Listener listener,
        @NotNull(message = "must be configured: adpulse.alerting.routes.receiver names the default receiver") RouteSettings routes,
        @NotNull @Valid List<ReceiverSettings> receivers,
        @DefaultValue @NotNull @Valid Notifications notifications,
        @DefaultValue @NotNull @Valid Roas roas,
        @DefaultValue @NotNull @Valid Cpa cpa,
        @DefaultValue @NotNull @Valid Anomaly anomaly,
        @DefaultValue @NotNull @Valid StoppedDelivering stoppedDelivering,
        @DefaultValue @NotNull @Valid Health health,
        List<InhibitRuleSettings> inhibitRules) {

    public AlertingProperties {
        inhibitRules = inhibitRules == null ? List.of() : List.copyOf(inhibitRules);
    }

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
     * @param curveHistoryDays complete local days of the account's hourly spend its intraday curve is learned from
     *        ({@code adpulse.alerting.pacing.curve-history-days}, default {@code 14})
     * @param curveMinDays fewest of those days with spend for a learned curve; with fewer, expected spend grows
     *        linearly through the day ({@code adpulse.alerting.pacing.curve-min-days}, default {@code 7})
     */
    public record Pacing(
            @DefaultValue("0.25") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal tolerance,
            @DefaultValue("0.25") @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal minToleranceFactor,
            @DefaultValue("10") @NotNull @DecimalMin("0") BigDecimal minSpend,
            @DefaultValue("14") @Min(1) @Max(90) int curveHistoryDays,
            @DefaultValue("7") @Min(1) @Max(90) int curveMinDays) {

        public Pacing {
            if (curveMinDays > curveHistoryDays) {
                throw new IllegalArgumentException("adpulse.alerting.pacing.curve-min-days (" + curveMinDays
                        + ") must not exceed curve-history-days (" + curveHistoryDays + ")");
            }
        }
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

    /**
     * Notification dispatch and delivery.
     *
     * @param enabled whether this instance routes, groups and delivers notifications
     *        ({@code adpulse.alerting.notifications.enabled}, default {@code true})
     * @param interval how often alerts are routed, due groups flushed and due deliveries sent
     *        ({@code adpulse.alerting.notifications.interval}, default {@code PT1S})
     * @param timeout longest wait for a receiver's answer ({@code adpulse.alerting.notifications.timeout},
     *        default {@code PT10S}); a timeout counts as a failed attempt
     * @param maxAttempts attempts of a delivery before it is given up as FAILED
     *        ({@code adpulse.alerting.notifications.max-attempts}, default {@code 10})
     * @param initialBackoff delay after the first failed attempt, doubled after each further one
     *        ({@code adpulse.alerting.notifications.initial-backoff}, default {@code PT10S})
     * @param maxBackoff longest delay between attempts ({@code adpulse.alerting.notifications.max-backoff},
     *        default {@code PT10M})
     * @param batchSize most alerts routed and deliveries sent per pass
     *        ({@code adpulse.alerting.notifications.batch-size}, default {@code 100})
     * @param externalUrl where people reach Adpulse; sent as {@code externalURL} in webhook payloads
     *        ({@code ADPULSE_PUBLIC_URL}, default {@code http://localhost:8080})
     */
    public record Notifications(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("PT1S") @NotNull @DurationMin(millis = 10) Duration interval,
            @DefaultValue("PT10S") @NotNull @DurationMin(millis = 10) Duration timeout,
            @DefaultValue("10") @Min(1) @Max(100) int maxAttempts,
            @DefaultValue("PT10S") @NotNull @DurationMin(millis = 1) Duration initialBackoff,
            @DefaultValue("PT10M") @NotNull @DurationMin(millis = 1) Duration maxBackoff,
            @DefaultValue("100") @Min(1) @Max(1000) int batchSize,
            @DefaultValue("http://localhost:8080") @NotNull String externalUrl) {
    }

    /**
     * Targets of the {@code roas-below-target} rule (return on ad spend: {@code total_purchase_value ÷ spend} of a
     * campaign on the advertiser's current local date).
     *
     * @param targets target ROAS per advertiser id ({@code adpulse.alerting.roas.targets.[7001234]=2.5}); an
     *        advertiser without one (and without a default) is not judged
     * @param defaultTarget target of advertisers not listed in {@code targets}
     *        ({@code adpulse.alerting.roas.default-target}, env {@code ADPULSE_ALERTING_ROAS_DEFAULTTARGET}, default
     *        none)
     * @param minSpend spend in the account currency a campaign needs on a day before its ROAS is judged
     *        ({@code adpulse.alerting.roas.min-spend}, default {@code 50})
     */
    public record Roas(
            @NotNull Map<String, @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal> targets,
            @DecimalMin(value = "0", inclusive = false) BigDecimal defaultTarget,
            @DefaultValue("50") @NotNull @DecimalMin("0") BigDecimal minSpend) {

        public Roas {
            targets = targets == null ? Map.of() : Map.copyOf(targets);
        }
    }

    /**
     * Targets of the {@code cpa-above-target} rule (cost per conversion: {@code spend ÷ conversion} of a campaign on
     * the advertiser's current local date, in the account currency).
     *
     * @param targets target CPA per advertiser id ({@code adpulse.alerting.cpa.targets.[7001234]=12.5}); an advertiser
     *        without one (and without a default) is not judged
     * @param defaultTarget target of advertisers not listed in {@code targets}
     *        ({@code adpulse.alerting.cpa.default-target}, env {@code ADPULSE_ALERTING_CPA_DEFAULTTARGET}, default none)
     * @param minSpend spend in the account currency a campaign needs on a day before its CPA is judged
     *        ({@code adpulse.alerting.cpa.min-spend}, default {@code 50})
     */
    public record Cpa(
            @NotNull Map<String, @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal> targets,
            @DecimalMin(value = "0", inclusive = false) BigDecimal defaultTarget,
            @DefaultValue("50") @NotNull @DecimalMin("0") BigDecimal minSpend) {

        public Cpa {
            targets = targets == null ? Map.of() : Map.copyOf(targets);
        }
    }

    /**
     * Thresholds of the {@code spend-anomaly} rule: a campaign's spend in its latest complete local hour against the
     * same hour on the previous days (median and median absolute deviation).
     *
     * @param historyDays previous local days that form the baseline ({@code adpulse.alerting.anomaly.history-days},
     *        default {@code 7})
     * @param minHistory fewest of those days with a report before anything is judged
     *        ({@code adpulse.alerting.anomaly.min-history}, default {@code 5}); must not exceed {@code history-days}
     * @param threshold robust standard deviations (1.4826 × MAD) from the median that count as anomalous
     *        ({@code adpulse.alerting.anomaly.threshold}, default {@code 4})
     * @param minDeviation smallest deviation from the median in the account currency that counts
     *        ({@code adpulse.alerting.anomaly.min-deviation}, default {@code 10})
     * @param minRelativeDeviation smallest deviation relative to the median that counts
     *        ({@code adpulse.alerting.anomaly.min-relative-deviation}, default {@code 0.5})
     * @param maxAge the latest complete hour must have ended within this long, or nothing is judged
     *        ({@code adpulse.alerting.anomaly.max-age}, default {@code PT3H})
     */
    public record Anomaly(
            @DefaultValue("7") @Min(1) @Max(60) int historyDays,
            @DefaultValue("5") @Min(1) @Max(60) int minHistory,
            @DefaultValue("4") @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal threshold,
            @DefaultValue("10") @NotNull @DecimalMin("0") BigDecimal minDeviation,
            @DefaultValue("0.5") @NotNull @DecimalMin("0") BigDecimal minRelativeDeviation,
            @DefaultValue("PT3H") @NotNull @DurationMin(minutes = 1) Duration maxAge) {

        @AssertTrue(message = "min-history must not exceed history-days")
        boolean isMinHistoryWithinHistory() {
            return minHistory <= historyDays;
        }
    }

    /**
     * Thresholds of the {@code campaign-stopped-delivering} rule.
     *
     * @param quiet how long an enabled campaign may go without an hour of delivery before the alert fires
     *        ({@code adpulse.alerting.stopped-delivering.quiet}, default {@code PT3H})
     * @param lookback how long after its last delivery a campaign stays watched; must exceed {@code quiet}
     *        ({@code adpulse.alerting.stopped-delivering.lookback}, default {@code PT48H})
     */
    public record StoppedDelivering(
            @DefaultValue("PT3H") @NotNull @DurationMin(minutes = 1) Duration quiet,
            @DefaultValue("PT48H") @NotNull @DurationMin(minutes = 2) Duration lookback) {

        @AssertTrue(message = "lookback must be longer than quiet")
        boolean isLookbackLongerThanQuiet() {
            return quiet == null || lookback == null || lookback.compareTo(quiet) > 0;
        }
    }

    /**
     * Thresholds of the API-health rules.
     *
     * @param apiErrorWindow how far back TikTok API errors count for {@code api-error-rate}
     *        ({@code adpulse.alerting.health.api-error-window}, default {@code PT10M})
     * @param apiErrorThreshold errors of one connection and endpoint within the window that fire {@code api-error-rate}
     *        ({@code adpulse.alerting.health.api-error-threshold}, default {@code 5})
     * @param pollInterval how often ingest-service syncs a connection; set it to ingest's
     *        {@code ADPULSE_INGEST_POLL_INTERVAL} ({@code adpulse.alerting.health.poll-interval}, default {@code PT60S})
     * @param staleAfterPolls poll intervals without a metric observation before {@code sync-stale} fires
     *        ({@code adpulse.alerting.health.stale-after-polls}, default {@code 15})
     * @param tokenExpiryWindow {@code token-expiring} fires when an active connection's access token expires within
     *        this long and no newer grant arrived ({@code adpulse.alerting.health.token-expiry-window}, default
     *        {@code PT2H}; auth-service refreshes creator tokens a quarter of their lifetime ahead)
     * @param circuitWindow {@code circuit-open} fires while a call to the endpoint was declined by its open circuit
     *        breaker within this long ({@code adpulse.alerting.health.circuit-window}, default {@code PT5M}; ingest's
     *        circuit stays open for {@code adpulse.ingest.tiktok.circuit-open-duration} before probing again)
     */
    public record Health(
            @DefaultValue("PT10M") @NotNull @DurationMin(seconds = 1) Duration apiErrorWindow,
            @DefaultValue("5") @Min(1) @Max(10000) int apiErrorThreshold,
            @DefaultValue("PT60S") @NotNull @DurationMin(seconds = 1) Duration pollInterval,
            @DefaultValue("15") @Min(1) @Max(10000) int staleAfterPolls,
            @DefaultValue("PT2H") @NotNull @DurationMin(seconds = 1) Duration tokenExpiryWindow,
            @DefaultValue("PT5M") @NotNull @DurationMin(seconds = 1) Duration circuitWindow) {
    }
}
