package io.adpulse.ingest.posting;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Publishing to creator accounts, prefix {@code adpulse.ingest.publishing}.
 *
 * @param tick                 how often due posts are sent and unfinished ones are checked
 * @param statusInitialBackoff wait before the first {@code status/fetch/} of a post TikTok is processing; doubles per
 *                             check (TikTok allows 30 status calls a minute per token)
 * @param statusMaxBackoff     longest wait between two status checks
 * @param maxStatusChecks      status checks without a final answer (and no webhook) before the post is failed
 */
@Validated
@ConfigurationProperties("adpulse.ingest.publishing")
public record PublishingSettings(
        @NotNull @DurationMin(millis = 10) Duration tick,
        @NotNull @DurationMin(millis = 10) Duration statusInitialBackoff,
        @NotNull @DurationMin(millis = 10) Duration statusMaxBackoff,
        @Min(1) int maxStatusChecks) {

    /** The wait after status check number {@code checks} (1 for the first). */
    Duration backoff(int checks) {
        long factor = 1L << Math.min(Math.max(checks - 1, 0), 20);
        Duration wait = statusInitialBackoff.multipliedBy(factor);
        return wait.compareTo(statusMaxBackoff) > 0 ? statusMaxBackoff : wait;
    }
}
