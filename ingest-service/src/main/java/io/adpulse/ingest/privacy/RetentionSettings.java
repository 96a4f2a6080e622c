package io.adpulse.ingest.privacy;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retention of ingest-service's logs, prefix {@code adpulse.ingest.retention}. An account's data itself goes with
 * its erasure, which auth-service requests {@code ADPULSE_AUTH_PRIVACY_RETENTION_AFTER_DISCONNECT} (default 90 days)
 * after a disconnection.
 *
 * @param syncRuns      how long a finished sync run ({@code sync_run}: outcome, counts and the TikTok API error
 *                      that failed it) is kept ({@code ADPULSE_INGEST_RETENTION_SYNC_RUNS}, default {@code P14D});
 *                      each connection's latest run stays, it is the connection's sync status
 * @param webhooks      how long a published TikTok webhook notification ({@code webhook_inbox}) is kept to recognise
 *                      TikTok's retries ({@code ADPULSE_INGEST_RETENTION_WEBHOOKS}, default {@code P14D}); one not
 *                      published yet always stays
 * @param quotaDays     how long the per-day counts of TikTok calls ({@code tiktok_daily_quota}) are kept
 *                      ({@code ADPULSE_INGEST_RETENTION_QUOTA_DAYS}, default {@code P14D})
 * @param checkInterval how often expired rows are deleted ({@code ADPULSE_INGEST_RETENTION_CHECK_INTERVAL}, default
 *                      {@code PT1H})
 */
@Validated
@ConfigurationProperties("adpulse.ingest.retention")
public record RetentionSettings(
        @DefaultValue("P14D") @DurationMin(hours = 1) Duration syncRuns,
        @DefaultValue("P14D") @DurationMin(hours = 1) Duration webhooks,
        @DefaultValue("P14D") @DurationMin(days = 2) Duration quotaDays,
        @DefaultValue("PT1H") @DurationMin(seconds = 1) Duration checkInterval) {
}
