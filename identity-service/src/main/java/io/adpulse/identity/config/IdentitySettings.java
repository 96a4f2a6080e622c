package io.adpulse.identity.config;

import java.time.Duration;
import java.util.List;

import io.adpulse.identity.user.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * identity-service settings.
 *
 * @param issuer          the OpenID Connect issuer: the URL where browsers and the gateway reach this service
 *                        ({@code ADPULSE_IDENTITY_ISSUER})
 * @param adminUsername   the administrator seeded on first start ({@code ADPULSE_ADMIN_USERNAME})
 * @param adminPassword   the seeded administrator's password ({@code ADPULSE_ADMIN_PASSWORD}), bcrypt-hashed, never
 *                        logged; blank seeds nobody. The administrator enrols TOTP at the first sign-in.
 * @param mfaKeys         AES-256 keys sealing TOTP secrets and the signing key at rest, {@code keyId:base64,...}, the
 *                        first is active ({@code ADPULSE_IDENTITY_MFA_KEYS})
 * @param lockout         consecutive failures (password or code) that lock an account, and for how long
 * @param invitationTtl   how long an invitation link is valid (default 72h)
 * @param gatewayClient   the confidential OIDC client the gateway signs browsers in with
 * @param serviceAccounts clients that get bearer JWTs with {@code client_credentials}, each with its roles
 * @param homeUrl         where a browser goes after a sign-in that no client asked for (an accepted invitation);
 *                        blank for this service's own page
 */
@Validated
@ConfigurationProperties("adpulse.identity")
public record IdentitySettings(@NotBlank String issuer, @NotBlank String adminUsername, String adminPassword,
        @NotBlank String mfaKeys, @DefaultValue @Valid Lockout lockout,
        @NotNull @DefaultValue("72h") Duration invitationTtl, @NotNull @Valid GatewayClient gatewayClient,
        @DefaultValue List<@Valid ServiceAccount> serviceAccounts, @DefaultValue("") String homeUrl) {

    /**
     * Lockout after repeated failures.
     *
     * @param maxFailures consecutive failed passwords or codes that lock the account (default 5)
     * @param duration    how long it stays locked (default 15m)
     */
    public record Lockout(@Min(1) @DefaultValue("5") int maxFailures,
            @NotNull @DefaultValue("15m") Duration duration) {
    }

    /**
     * The gateway as an OIDC relying party: authorization code with PKCE, refresh tokens, scopes openid and profile.
     *
     * @param clientId              its client id ({@code ADPULSE_OIDC_CLIENT_ID})
     * @param clientSecret          its secret ({@code ADPULSE_OIDC_CLIENT_SECRET}), plain or {@code {bcrypt}...}
     * @param redirectUri           where codes are sent ({@code <public url>/login/oauth2/code/adpulse})
     * @param postLogoutRedirectUri where RP-initiated logout returns the browser
     */
    public record GatewayClient(@NotBlank String clientId, @NotBlank String clientSecret, @NotBlank String redirectUri,
            @NotBlank String postLogoutRedirectUri) {

        @Override
        public String toString() {
            return "GatewayClient[clientId=" + clientId + ", clientSecret=<redacted>, redirectUri=" + redirectUri + "]";
        }
    }

    /**
     * A script or service that signs in as itself ({@code client_credentials}).
     *
     * @param clientId     its client id, also the actor name the services see
     * @param clientSecret its secret, plain or {@code {bcrypt}...}
     * @param roles        the roles its tokens carry
     */
    public record ServiceAccount(@NotBlank String clientId, @NotBlank String clientSecret,
            @NotEmpty List<Role> roles) {

        @Override
        public String toString() {
            return "ServiceAccount[clientId=" + clientId + ", clientSecret=<redacted>, roles=" + roles + "]";
        }
    }

    @Override
    public String toString() {
        return "IdentitySettings[issuer=" + issuer + ", adminUsername=" + adminUsername
                + ", adminPassword=<redacted>, mfaKeys=<redacted>, lockout=" + lockout + ", invitationTtl="
                + invitationTtl + ", gatewayClient=" + gatewayClient + ", serviceAccounts=" + serviceAccounts + "]";
    }
}
