package io.adpulse.auth.privacy;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Erasure settings, prefix {@code adpulse.auth.privacy}.
 *
 * @param eraseOnDisconnect        request the erasure of an account's data at once when an operator disconnects it
 *                                 ({@code ADPULSE_AUTH_PRIVACY_ERASE_ON_DISCONNECT}, default false: the retention
 *                                 job erases it later)
 * @param retentionAfterDisconnect how long TikTok-derived data is kept after a disconnection before the retention
 *                                 job requests its erasure ({@code ADPULSE_AUTH_PRIVACY_RETENTION_AFTER_DISCONNECT},
 *                                 default {@code P90D})
 * @param retentionCheckInterval   how often the retention job looks for such connections (default {@code PT1H})
 * @param services                 the services that must confirm an erasure before it counts as complete
 * @param erasureSla               how long an erasure may take until every service confirmed
 *                                 ({@code ADPULSE_AUTH_PRIVACY_ERASURE_SLA}, default {@code PT15M}); a request still
 *                                 pending past it is shown as {@code slaMissed} and counted in the
 *                                 {@code adpulse.auth.privacy.erasures.overdue} gauge that the
 *                                 {@code AdpulseErasureOverdue} alert watches
 * @param slaCheckInterval         how often pending requests are checked against the SLA (default {@code PT1M})
 */
@Validated
@ConfigurationProperties("adpulse.auth.privacy")
public record PrivacyProperties(
        @DefaultValue("false") boolean eraseOnDisconnect,
        @DefaultValue("P90D") @NotNull Duration retentionAfterDisconnect,
        @DefaultValue("PT1H") @NotNull Duration retentionCheckInterval,
        @DefaultValue({"auth-service", "ingest-service", "reporting-service", "alerting-service", "audit-service"})
        @NotEmpty List<String> services,
        @DefaultValue("PT15M") @NotNull Duration erasureSla,
        @DefaultValue("PT1M") @NotNull Duration slaCheckInterval) {
}
