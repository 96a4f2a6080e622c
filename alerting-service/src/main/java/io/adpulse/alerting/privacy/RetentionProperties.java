package io.adpulse.alerting.privacy;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retention of what alerting-service keeps about TikTok's API, bound from {@code adpulse.alerting.retention.*}.
 * Everything else about an account goes with its erasure, which auth-service requests
 * {@code ADPULSE_AUTH_PRIVACY_RETENTION_AFTER_DISCONNECT} (default 90 days) after a disconnection.
 *
 * @param apiErrors     how long a TikTok API error ({@code api_error}, from {@code tiktok.api-errors.v1}) is kept
 *                      ({@code ADPULSE_ALERTING_RETENTION_API_ERRORS}, default {@code P14D}); never less than the
 *                      {@code api-error-rate} rule's window, whatever is configured
 * @param checkInterval how often expired rows are deleted ({@code ADPULSE_ALERTING_RETENTION_CHECK_INTERVAL},
 *                      default {@code PT1H})
 */
@Validated
@ConfigurationProperties("adpulse.alerting.retention")
public record RetentionProperties(
        @DefaultValue("P14D") @DurationMin(minutes = 1) Duration apiErrors,
        @DefaultValue("PT1H") @DurationMin(seconds = 1) Duration checkInterval) {
}
