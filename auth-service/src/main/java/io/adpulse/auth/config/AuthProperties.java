package io.adpulse.auth.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
 * @param refresh          when and how creator tokens are refreshed
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
        @NotNull @Valid Outbox outbox,
        @NotNull @Valid Refresh refresh) {

    /** The redirect URI registered with TikTok for the Marketing API authorisation. */
    public URI businessRedirectUri() {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/api/auth/oauth/tiktok-business/callback");
    }

    /** The redirect URI registered with TikTok Login Kit for creator accounts. */
    public URI creatorRedirectUri() {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/api/auth/oauth/tiktok-creator/callback");
    }

    @Override
    public String toString() {
        return "AuthProperties[publicUrl=" + publicUrl + ", stateTtl=" + stateTtl + ", tokenKeys=<redacted>"
                + ", transitKeys=<redacted>, reauthErrorCodes=" + reauthErrorCodes + ", tiktok=" + tiktok
                + ", outbox=" + outbox + ", refresh=" + refresh + "]";
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
     * @param loginKitAuthUrl    Login Kit v2 authorize page for creator accounts, e.g.
     *                           {@code https://www.tiktok.com/v2/auth/authorize/} ({@code TIKTOK_LOGIN_KIT_AUTH_URL})
     * @param openApiBaseUrl     base of TikTok's v2 Open API that serves {@code /v2/oauth/token/},
     *                           {@code /v2/oauth/revoke/} and {@code /v2/user/info/}, e.g.
     *                           {@code https://open.tiktokapis.com} ({@code TIKTOK_OPEN_API_BASE_URL})
     * @param clientKey          Adpulse's Login Kit client key ({@code TIKTOK_CLIENT_KEY}, defaults to the app id)
     * @param clientSecret       its client secret ({@code TIKTOK_CLIENT_SECRET}, defaults to the app secret); never logged
     * @param creatorScopes      Login Kit scopes requested for creator accounts
     */
    public record TikTok(
            @NotNull URI businessApiBaseUrl,
            @NotNull URI businessAuthUrl,
            @NotBlank String appId,
            @NotBlank String appSecret,
            @NotNull Duration connectTimeout,
            @NotNull Duration responseTimeout,
            @Min(0) @Max(5) int retries,
            @NotNull URI loginKitAuthUrl,
            @NotNull URI openApiBaseUrl,
            @NotBlank String clientKey,
            @NotBlank String clientSecret,
            @NotEmpty List<String> creatorScopes) {

        @Override
        public String toString() {
            return "TikTok[businessApiBaseUrl=" + businessApiBaseUrl + ", businessAuthUrl=" + businessAuthUrl
                    + ", appId=" + appId + ", appSecret=<redacted>, connectTimeout=" + connectTimeout
                    + ", responseTimeout=" + responseTimeout + ", retries=" + retries
                    + ", loginKitAuthUrl=" + loginKitAuthUrl + ", openApiBaseUrl=" + openApiBaseUrl
                    + ", clientKey=" + clientKey + ", clientSecret=<redacted>, creatorScopes=" + creatorScopes + "]";
        }
    }

    /**
     * Refreshing creator tokens ahead of expiry.
     *
     * @param checkInterval how often the scheduler looks for connections whose refresh is due
     * @param lead          fraction of the access token's lifetime before expiry at which the refresh
     *                      is due (0.25: a 2 h token is refreshed about 30 min before it expires)
     * @param jitter        up to this fraction of the lifetime is added at random to the lead, so
     *                      tokens granted together are not all refreshed in the same instant
     * @param lease         how long one refresh may hold a connection before another may try; covers
     *                      a crashed instance
     * @param retryDelay    wait before retrying a refresh TikTok could not answer
     * @param batchSize     connections refreshed per scheduler round
     */
    public record Refresh(
            @NotNull Duration checkInterval,
            @DecimalMin("0.05") @DecimalMax("0.9") double lead,
            @DecimalMin("0.0") @DecimalMax("0.5") double jitter,
            @NotNull Duration lease,
            @NotNull Duration retryDelay,
            @Min(1) @Max(1000) int batchSize) {
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
