package io.adpulse.audit.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of audit-service, bound from {@code adpulse.audit.*}.
 *
 * @param appendTimeout longest wait of the Kafka listener for one batch to be committed to the chain
 *                      ({@code adpulse.audit.append-timeout}, default 30s); past it the batch counts as failed
 *                      and is retried
 * @param consumer      how a batch that cannot be stored is retried before its failing record is dead-lettered
 * @param query         limits of {@code GET /api/audit/events}
 * @param verify        how {@code GET /api/audit/verify} walks the chain
 * @param checkpoint    how often the chain is checkpointed and the checkpoints published
 * @param retention     how long access-log entries keep their contents
 */
@Validated
@ConfigurationProperties("adpulse.audit")
public record AuditProperties(
        @DefaultValue("30s") @NotNull Duration appendTimeout,
        @DefaultValue @Valid @NotNull Consumer consumer,
        @DefaultValue @Valid @NotNull Query query,
        @DefaultValue @Valid @NotNull Verify verify,
        @DefaultValue @Valid @NotNull Checkpoint checkpoint,
        @DefaultValue @Valid @NotNull Retention retention) {

    /**
     * Retry of a record that cannot be stored (database unavailable, for example). Audit never drops a record
     * for being invalid: only a record that still cannot be stored after these retries goes to
     * {@code <topic>.dlt}. The pause doubles from {@code retryInitialBackoff} up to {@code retryMaxBackoff}.
     *
     * @param retryAttempts       retries after the first failure ({@code adpulse.audit.consumer.retry-attempts},
     *                            default 8, about two minutes with the default pauses)
     * @param retryInitialBackoff first pause ({@code adpulse.audit.consumer.retry-initial-backoff}, default 1s)
     * @param retryMaxBackoff     longest pause ({@code adpulse.audit.consumer.retry-max-backoff}, default 30s)
     */
    public record Consumer(
            @DefaultValue("8") @Min(0) @Max(100) int retryAttempts,
            @DefaultValue("1s") @NotNull Duration retryInitialBackoff,
            @DefaultValue("30s") @NotNull Duration retryMaxBackoff) {
    }

    /**
     * @param defaultLimit records per page when the request names no {@code limit}
     *                     ({@code adpulse.audit.query.default-limit}, default 50)
     * @param maxLimit     largest {@code limit} a request may ask for ({@code adpulse.audit.query.max-limit},
     *                     default 500)
     */
    public record Query(
            @DefaultValue("50") @Min(1) @Max(10000) int defaultLimit,
            @DefaultValue("500") @Min(1) @Max(10000) int maxLimit) {
    }

    /**
     * @param pageSize rows read per query while re-walking the chain ({@code adpulse.audit.verify.page-size},
     *                 default 500); bounds the memory a verification holds, whatever the length of the chain
     */
    public record Verify(@DefaultValue("500") @Min(1) @Max(10000) int pageSize) {
    }

    /**
     * Checkpoints of the chain, published on {@code audit.checkpoints.v1} for anchoring outside Adpulse.
     *
     * @param interval       how often a checkpoint of the head is stored when the chain grew, and unpublished ones
     *                       are published ({@code adpulse.audit.checkpoint.interval}, default 1h)
     * @param publishTimeout longest wait for Kafka to acknowledge one checkpoint
     *                       ({@code adpulse.audit.checkpoint.publish-timeout}, default 10s)
     */
    public record Checkpoint(@DefaultValue("1h") @NotNull Duration interval,
            @DefaultValue("10s") @NotNull Duration publishTimeout) {
    }

    /**
     * Retention of the access log ({@code audit.access.v1} entries): older ones covered by a checkpoint are pruned to
     * stubs that keep the chain verifiable (see {@code AccessLogRetention}).
     *
     * @param accessLog     how long an access entry keeps its contents ({@code adpulse.audit.retention.access-log},
     *                      default 365d)
     * @param checkInterval how often the retention runs ({@code adpulse.audit.retention.check-interval}, default 1h)
     * @param batchSize     entries pruned per statement ({@code adpulse.audit.retention.batch-size}, default 5000)
     */
    public record Retention(@DefaultValue("365d") @NotNull Duration accessLog,
            @DefaultValue("1h") @NotNull Duration checkInterval,
            @DefaultValue("5000") @Min(1) @Max(100000) int batchSize) {
    }
}
