package io.adpulse.auth.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of auth-service, prefix {@code adpulse.auth}. Holds key material and the TikTok app
 * secret, so {@link #toString()} names neither.
 *
 * @param publicUrl        where browsers reach Adpulse (the gateway); OAuth redirect URIs are built
 *                         from it ({@code ADPULSE_PUBLIC_URL})
 * @param stateTtl         how long an OAuth {@code state} stays valid after "connect" was started; the
 *                         operator must finish TikTok's consent page within it
 * @param tokenKeys        master keys for tokens at rest, {@code keyId:base64(32 bytes),...}, first is
 *                         active ({@code ADPULSE_TOKEN_KEYS})
 * @param transitKeys      keys shared with ingest-service that seal access tokens on
 *                         {@code tiktok.connections.v1}, same format ({@code ADPULSE_TRANSIT_KEYS})
 * @param reauthErrorCodes TikTok error codes that mean the grant is no longer usable, so the
 *                         connection needs the operator to authorise again
 * @param tiktok           TikTok endpoints and app credentials
 * @param outbox           outbox relay tuning
 */
@Validated
@ConfigurationProperties("adpulse.auth")
public record AuthProperties(
        @NotNull URI publicUrl,
        @NotNull Duration stateTtl,
        @NotBlank String tokenKeys,
        @NotBlank String transitKeys,
        @NotEmpty Set<Integer> reauthErrorCodes,
        @NotNull @Valid TikTok tiktok,
        @NotNull @Valid Outbox outbox) {

    /** The redirect URI registered with TikTok for the Marketing API authorisation. */
    public URI businessRedirectUri() {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/api/auth/oauth/tiktok-business/callback");
    }

    @Override
    public String toString() {
        return "AuthProperties[publicUrl=" + publicUrl + ", stateTtl=" + stateTtl + ", tokenKeys=<redacted>"
                + ", transitKeys=<redacted>, reauthErrorCodes=" + reauthErrorCodes + ", tiktok=" + tiktok
                + ", outbox=" + outbox + "]";
    }

    /**
     * TikTok API for Business.
     *
     * @param businessApiBaseUrl base of the Marketing API, e.g. {@code https://business-api.tiktok.com/open_api/v1.3}
     *                           ({@code TIKTOK_BUSINESS_API_BASE_URL})
     * @param businessAuthUrl    TikTok's consent page for advertisers ({@code TIKTOK_BUSINESS_AUTH_URL})
     * @param appId              Adpulse's TikTok app id ({@code TIKTOK_APP_ID})
     * @param appSecret          Adpulse's TikTok app secret ({@code TIKTOK_APP_SECRET}); never logged
     * @param connectTimeout     TCP connect timeout for calls to TikTok
     * @param responseTimeout    longest wait for a TikTok answer before the call counts as failed
     * @param retries            extra attempts for calls that failed before TikTok could act on them
     */
    public record TikTok(
            @NotNull URI businessApiBaseUrl,
            @NotNull URI businessAuthUrl,
            @NotBlank String appId,
            @NotBlank String appSecret,
            @NotNull Duration connectTimeout,
            @NotNull Duration responseTimeout,
            @Min(0) @Max(5) int retries) {

        @Override
        public String toString() {
            return "TikTok[businessApiBaseUrl=" + businessApiBaseUrl + ", businessAuthUrl=" + businessAuthUrl
                    + ", appId=" + appId + ", appSecret=<redacted>, connectTimeout=" + connectTimeout
                    + ", responseTimeout=" + responseTimeout + ", retries=" + retries + "]";
        }
    }

    /**
     * Outbox relay.
     *
     * @param pollInterval how often the relay looks for unpublished events besides being woken
     *                     after every commit (covers restarts and Kafka outages)
     * @param batchSize    events published per relay round, in commit order
     */
    public record Outbox(@NotNull Duration pollInterval, @Min(1) @Max(1000) int batchSize) {
    }
}
