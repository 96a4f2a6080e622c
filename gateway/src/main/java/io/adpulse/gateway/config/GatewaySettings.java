package io.adpulse.gateway.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Gateway settings.
 *
 * @param adminUsername    name of the local administrator ({@code ADPULSE_ADMIN_USERNAME}, default {@code admin})
 * @param adminPassword    the local administrator's password ({@code ADPULSE_ADMIN_PASSWORD}): plain text, or an
 *                         encoded value such as {@code {bcrypt}$2a$...}; plain text is hashed at startup and
 *                         never logged; required while local users are enabled
 * @param accessLogEnabled whether every request is published on {@code audit.access.v1}
 * @param users            further local operators with their roles ({@code adpulse.gateway.users[0].username} ...)
 * @param limits           request size and rate limits
 * @param localUsers       whether the local users above can sign in (form and HTTP Basic)
 * @param oidc             sign-in through an OpenID Connect provider, on when its issuer is set
 * @param cookieSecure     whether the session cookie is {@code Secure} ({@code ADPULSE_COOKIE_SECURE}, default true;
 *                         browsers accept it on http://localhost too); it is always HttpOnly and SameSite=Lax
 * @param scope            how a CLIENT user's advertisers are resolved for the services
 * @param privacy          where the single data export ({@code /api/privacy/exports}) fetches each service's part
 */
@Validated
@ConfigurationProperties("adpulse.gateway")
public record GatewaySettings(@NotBlank String adminUsername, String adminPassword,
        boolean accessLogEnabled, @DefaultValue List<@Valid LocalUser> users, @DefaultValue @Valid Limits limits,
        @DefaultValue LocalUsers localUsers, @DefaultValue @Valid Oidc oidc,
        @DefaultValue("true") boolean cookieSecure, @DefaultValue @Valid Scope scope,
        @DefaultValue @Valid Privacy privacy) {

    /**
     * Local users.
     *
     * @param enabled whether the configured local users can sign in with the form and HTTP Basic (default true);
     *                turn off when every operator signs in through the OIDC provider
     */
    public record LocalUsers(@DefaultValue("true") boolean enabled) {
    }

    /**
     * Sign-in with an OpenID Connect provider ({@code oauth2Login} for browsers, bearer JWTs for API clients).
     *
     * @param issuerUri    the provider's issuer ({@code ADPULSE_OIDC_ISSUER_URI}); blank turns OIDC off
     * @param clientId     the gateway's client id at the provider ({@code ADPULSE_OIDC_CLIENT_ID})
     * @param clientSecret its secret ({@code ADPULSE_OIDC_CLIENT_SECRET})
     * @param rolesClaim   the claim with the user's roles, a list or a comma/space separated string (default
     *                     {@code roles}); values other than the Adpulse roles are ignored
     * @param clientClaim  the claim with a CLIENT user's reporting-service client id (default {@code adpulse_client})
     * @param usernameClaim the claim used as the operator's name (default {@code preferred_username}, else {@code sub})
     */
    public record Oidc(@DefaultValue("") String issuerUri, @DefaultValue("adpulse-gateway") String clientId,
            @DefaultValue("") String clientSecret, @NotBlank @DefaultValue("roles") String rolesClaim,
            @NotBlank @DefaultValue("adpulse_client") String clientClaim,
            @NotBlank @DefaultValue("preferred_username") String usernameClaim) {

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }

        @Override
        public String toString() {
            return "Oidc[issuerUri=" + issuerUri + ", clientId=" + clientId + ", clientSecret=<redacted>, rolesClaim="
                    + rolesClaim + ", clientClaim=" + clientClaim + "]";
        }
    }

    /**
     * A local operator.
     *
     * @param username sign-in name
     * @param password plain text (hashed at startup) or an encoded value ({@code {bcrypt}...})
     * @param roles    any of ADMIN, OPERATOR, ONCALL, AUDITOR, CLIENT
     * @param client   the reporting-service client id a CLIENT user belongs to ({@code adpulse.gateway.users[0].client});
     *                 required with the CLIENT role, which then sees only the advertisers of that client's brands
     */
    public record LocalUser(@NotBlank String username, @NotBlank String password, @NotEmpty List<Role> roles,
            String client) {

        @Override
        public String toString() {
            return "LocalUser[username=" + username + ", password=<redacted>, roles=" + roles + ", client=" + client
                    + "]";
        }
    }

    /**
     * Resolution of a CLIENT user's advertisers: the gateway asks reporting-service, which owns clients and brands,
     * for the brands of the user's client and forwards their advertiser ids in {@code X-Adpulse-Advertisers}.
     *
     * @param reportingUri where reporting-service answers ({@code ADPULSE_REPORTING_URI}, as its route)
     * @param cacheTtl     how long a resolved client is reused (default 30s): a brand change reaches a signed-in
     *                     client user at most this late
     * @param timeout      how long one resolution may take (default 2s); a failure or timeout leaves the user with
     *                     no advertisers (fail closed) and is not cached
     */
    public record Scope(@NotNull @DefaultValue("http://localhost:8083") String reportingUri,
            @NotNull @DefaultValue("30s") Duration cacheTtl, @NotNull @DefaultValue("2s") Duration timeout) {
    }

    /**
     * The services whose parts make up an account's data export, each asked at
     * {@code <uri>/api/<name>/privacy/exports/{connectionId}} (the same addresses as their routes).
     *
     * @param authUri      auth-service ({@code ADPULSE_AUTH_URI})
     * @param ingestUri    ingest-service ({@code ADPULSE_INGEST_URI})
     * @param reportingUri reporting-service ({@code ADPULSE_REPORTING_URI})
     * @param alertingUri  alerting-service ({@code ADPULSE_ALERTING_URI})
     * @param timeout      longest wait for a service to start answering its part, and then between two of its rows
     *                     (default 30s)
     */
    public record Privacy(@NotBlank @DefaultValue("http://localhost:8081") String authUri,
            @NotBlank @DefaultValue("http://localhost:8082") String ingestUri,
            @NotBlank @DefaultValue("http://localhost:8083") String reportingUri,
            @NotBlank @DefaultValue("http://localhost:8084") String alertingUri,
            @NotNull @DefaultValue("30s") Duration timeout) {
    }

    /** The roles the gateway knows; services receive them in {@code X-Adpulse-Roles}. */
    public enum Role { ADMIN, OPERATOR, ONCALL, AUDITOR, CLIENT }

    /**
     * Limits that protect the services behind the gateway.
     *
     * @param maxRequestSize  largest request body accepted, by its declared length (default 1MB); larger is 413
     * @param perUserPerSecond requests a signed-in user may make per second (default 50); more is 429
     * @param perIpPerSecond  requests one client address may make per second, signed in or not (default 100),
     *                        which also slows password guessing on the sign-in form
     * @param trackedClients  how many users and addresses are tracked at once; the least recently seen are
     *                        forgotten first (default 10000)
     * @param maxWebhookSize  largest body accepted on TikTok's webhook endpoint (default 64KB, ingest-service's own
     *                        limit), so an oversized notification gets a 413 here instead of a cut connection
     * @param maxMediaSize    largest video accepted on {@code POST /api/ingest/media} (default 512MB, ingest-service's
     *                        own limit {@code adpulse.ingest.media.max-bytes}); videos do not fit maxRequestSize
     */
    public record Limits(@NotNull @DefaultValue("1MB") DataSize maxRequestSize,
            @Min(1) @DefaultValue("50") int perUserPerSecond, @Min(1) @DefaultValue("100") int perIpPerSecond,
            @Min(100) @DefaultValue("10000") int trackedClients, @NotNull @DefaultValue("64KB") DataSize maxWebhookSize,
            @NotNull @DefaultValue("512MB") DataSize maxMediaSize) {
    }

    @Override
    public String toString() {
        return "GatewaySettings[adminUsername=" + adminUsername + ", adminPassword=<redacted>, accessLogEnabled="
                + accessLogEnabled + ", users=" + users + ", limits=" + limits + ", localUsers=" + localUsers
                + ", oidc=" + oidc + ", cookieSecure=" + cookieSecure + ", scope=" + scope + ", privacy=" + privacy + "]";
    }
}
