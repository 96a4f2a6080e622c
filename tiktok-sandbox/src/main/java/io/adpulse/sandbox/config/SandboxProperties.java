package io.adpulse.sandbox.config;

import java.time.Duration;
import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the sandbox, prefix {@code adpulse.sandbox}.
 *
 * @param appId       the one developer app the sandbox knows (TikTok's {@code app_id}); OAuth and
 *                    {@code oauth2/*} calls must name it
 * @param appSecret   that app's secret; never logged nor echoed
 * @param seed        seed of every generated account, entity and metric: same seed and same clock, same data
 * @param historyDays days of hourly metric history before today (in each advertiser's time zone)
 * @param qps         requests per second allowed per app before TikTok's {@code 40100} is answered
 * @param fixedClock  when set, the sandbox clock stands still at this instant (reproducible tests); otherwise the
 *                    system clock runs and today's metrics grow hour by hour
 * @param authCodeTtl how long an OAuth auth code stays exchangeable (TikTok: one hour)
 * @param creatorAccessTtl  lifetime of a Login Kit (creator) access token, answered as {@code expires_in}
 *                          (TikTok: 2 h since late 2026, 24 h before); short values let tests see expiries
 * @param creatorRefreshTtl lifetime of a Login Kit refresh token, answered as {@code refresh_expires_in}
 *                          (TikTok: 180 days, 365 before)
 * @param webhookUrl  the app's webhook callback URL (TikTok's Developer Portal setting); blank: webhooks are
 *                    recorded but not sent until one is set through {@code PUT /sandbox/webhooks/callback}
 */
@Validated
@ConfigurationProperties("adpulse.sandbox")
public record SandboxProperties(
        @NotBlank @DefaultValue("sandbox-app") String appId,
        @NotBlank @DefaultValue("sandbox-secret") String appSecret,
        @DefaultValue("42") long seed,
        @Min(1) @Max(365) @DefaultValue("60") int historyDays,
        @Min(1) @DefaultValue("20") int qps,
        Instant fixedClock,
        @NotNull @DefaultValue("1h") Duration authCodeTtl,
        @NotNull @DefaultValue("2h") Duration creatorAccessTtl,
        @NotNull @DefaultValue("180d") Duration creatorRefreshTtl,
        String webhookUrl) {

    @Override
    public String toString() {
        return "SandboxProperties[appId=" + appId + ", appSecret=***, seed=" + seed + ", historyDays=" + historyDays
                + ", qps=" + qps + ", fixedClock=" + fixedClock + ", authCodeTtl=" + authCodeTtl
                + ", creatorAccessTtl=" + creatorAccessTtl + ", creatorRefreshTtl=" + creatorRefreshTtl
                + ", webhookUrl=" + webhookUrl + "]";
    }
}
