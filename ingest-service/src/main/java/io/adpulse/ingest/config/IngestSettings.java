package io.adpulse.ingest.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of ingest-service, prefix {@code adpulse.ingest}. Defaults live in {@code application.yml}
 * and work against the local stack.
 *
 * @param pollInterval how often every active connection is synced ({@code adpulse.ingest.poll-interval},
 *     default PT60S); a new connection is also synced as soon as it is granted
 * @param backfillDays how many days before today the first sync of a connection reads
 *     ({@code adpulse.ingest.backfill-days}, default 30)
 * @param attributionLookbackDays how many recent days every later sync re-reads, because TikTok
 *     restates them as late conversions are attributed ({@code adpulse.ingest.attribution-lookback-days},
 *     default 7)
 * @param hourlyDays how many days, today included, the hourly campaign report re-reads on every sync
 *     ({@code adpulse.ingest.hourly-days}, default 2; 0 turns hourly reports off); one request per day
 * @param syncConcurrency how many polls run at once, and how many on-demand syncs next to them
 *     ({@code adpulse.ingest.sync-concurrency}, default 4); TikTok's QPS limit is enforced separately by the rate
 *     limiter
 * @param onDemandBatchWait how long an on-demand sync waits for more on-demand syncs to run together with it
 *     ({@code adpulse.ingest.on-demand-batch-wait}, default PT1S; PT0S runs each at once): auth-service grants one
 *     connection per advertiser of an authorisation, one after the other, and syncs that run together share TikTok
 *     calls (advertiser info, reports of several advertisers of one token)
 * @param transitKeys the transit key ring that opens access tokens sealed by auth-service, as
 *     {@code keyId:base64(32 bytes)} entries separated by commas ({@code ADPULSE_TRANSIT_KEYS}); secret
 * @param tiktok how to reach the TikTok API for Business
 */
@Validated
@ConfigurationProperties("adpulse.ingest")
public record IngestSettings(
        @NotNull @DurationMin(seconds = 1) Duration pollInterval,
        @Min(1) @Max(1095) int backfillDays,
        @Min(0) @Max(364) int attributionLookbackDays,
        @Min(0) @Max(30) int hourlyDays,
        @Min(1) @Max(64) int syncConcurrency,
        @NotNull @DurationMax(minutes = 1) Duration onDemandBatchWait,
        @NotBlank String transitKeys,
        @NotNull @Valid TikTok tiktok) {

    @Override
    public String toString() {
        return "IngestSettings[pollInterval=" + pollInterval + ", backfillDays=" + backfillDays
                + ", attributionLookbackDays=" + attributionLookbackDays + ", hourlyDays=" + hourlyDays
                + ", syncConcurrency=" + syncConcurrency + ", onDemandBatchWait=" + onDemandBatchWait
                + ", transitKeys=<redacted>, tiktok=" + tiktok + "]";
    }

    /**
     * The TikTok API for Business, prefix {@code adpulse.ingest.tiktok}.
     *
     * @param baseUrl base URL including {@code /open_api/v1.3} ({@code TIKTOK_BUSINESS_API_BASE_URL}, default
     *     the local sandbox {@code http://localhost:18090/open_api/v1.3})
     * @param openApiBaseUrl base URL of TikTok's v2 Open API ({@code open.tiktokapis.com}) where the Display API
     *     lives, without {@code /v2} ({@code TIKTOK_OPEN_API_BASE_URL}, default the local sandbox
     *     {@code http://localhost:18090}; auth-service reads the same variable for Login Kit)
     * @param displayQpm requests per minute per Display API endpoint for the whole app (TikTok: 600 per endpoint
     *     in a sliding minute; default 540, spread evenly over the minute)
     * @param appId the developer app id ({@code TIKTOK_APP_ID}); names the app-wide rate limiter
     * @param appSecret the developer app secret ({@code TIKTOK_APP_SECRET}); kept for the app-level calls
     *     of the fuller ingest (advertiser discovery, webhook signatures); secret, never logged
     * @param qps requests per second allowed for the whole app across all connections (default 10,
     *     TikTok's Basic tier)
     * @param qpm requests per minute allowed for the whole app (default 600, TikTok's Basic tier)
     * @param qpd requests per UTC day allowed for the whole app, counted in PostgreSQL so that every instance draws
     *     from the same budget; it resets at 00:00 UTC like TikTok's (default 864000, TikTok's Basic tier)
     * @param advertiserQps requests per second allowed per advertiser (TikTok answers 40133 beyond its per-advertiser
     *     limit; default 20)
     * @param rateLimitWait how long a call may wait for a rate-limit permit before it fails (default PT5M)
     * @param connectTimeout TCP connect timeout (default PT5S)
     * @param responseTimeout time allowed for one HTTP attempt, headers and body (default PT30S)
     * @param maxAttempts attempts per call, first included, for retryable failures (default 4)
     * @param initialBackoff wait before the first retry; doubles (randomised) per retry (default PT1S)
     * @param maxBackoff upper bound of one wait between retries (default PT1M)
     * @param circuitFailureRate failure percentage of server-side failures over the last 20 calls of an
     *     endpoint that opens its circuit breaker (default 50)
     * @param circuitOpenDuration how long an open circuit rejects calls before probing again (default PT30S)
     * @param backfillShare the share of {@code qps} that calls of a backfilling sync may take (default 0.5): they
     *     also need a permit of a smaller per-second budget, so live accounts' polls always find the rest
     */
    public record TikTok(
            @NotNull URI baseUrl,
            @NotNull URI openApiBaseUrl,
            @Min(1) @Max(600) int displayQpm,
            @NotBlank String appId,
            @NotBlank String appSecret,
            @Min(1) @Max(1000) int qps,
            @Min(1) @Max(60_000) int qpm,
            @Min(1) long qpd,
            @Min(1) @Max(1000) int advertiserQps,
            @NotNull @DurationMin(millis = 1) Duration rateLimitWait,
            @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 5) Duration connectTimeout,
            @NotNull @DurationMin(millis = 1) Duration responseTimeout,
            @Min(1) @Max(10) int maxAttempts,
            @NotNull @DurationMin(millis = 1) Duration initialBackoff,
            @NotNull @DurationMin(millis = 1) Duration maxBackoff,
            @DecimalMin("1") @DecimalMax("100") float circuitFailureRate,
            @NotNull @DurationMin(millis = 1) Duration circuitOpenDuration,
            @DecimalMin("0.05") @DecimalMax("1") double backfillShare) {

        /** Calls per second backfills may make: {@code qps × backfillShare}, at least 1. */
        public int backfillQps() {
            return Math.max(1, (int) Math.floor(qps * backfillShare));
        }

        @Override
        public String toString() {
            return "TikTok[baseUrl=" + baseUrl + ", openApiBaseUrl=" + openApiBaseUrl + ", displayQpm=" + displayQpm
                    + ", appId=" + appId + ", appSecret=<redacted>, qps=" + qps
                    + ", qpm=" + qpm + ", qpd=" + qpd + ", advertiserQps=" + advertiserQps
                    + ", rateLimitWait=" + rateLimitWait + ", connectTimeout=" + connectTimeout
                    + ", responseTimeout=" + responseTimeout + ", maxAttempts=" + maxAttempts
                    + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff
                    + ", circuitFailureRate=" + circuitFailureRate + ", circuitOpenDuration=" + circuitOpenDuration
                    + ", backfillShare=" + backfillShare + "]";
        }
    }
}
