package io.adpulse.identity.oidc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.adpulse.identity.config.IdentitySettings;
import io.adpulse.identity.mfa.SecretSealer;
import io.adpulse.identity.user.Role;
import io.adpulse.identity.user.Status;
import io.adpulse.identity.user.UserAccount;
import io.adpulse.identity.user.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The OpenID Connect provider: the gateway's confidential client (authorization code with PKCE, refresh tokens),
 * service accounts ({@code client_credentials}), the signing key, and the claims every token carries:
 * {@code roles} (a list) and, for CLIENT users, {@code adpulse_client}.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfig {

    /** Claim with the user's (or service account's) roles. */
    public static final String ROLES_CLAIM = "roles";
    /** Claim with the reporting-service client id a CLIENT user belongs to. */
    public static final String CLIENT_CLAIM = "adpulse_client";

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentitySettings settings, PasswordEncoder encoder) {
        IdentitySettings.GatewayClient gateway = settings.gatewayClient();
        RegisteredClient gatewayClient = RegisteredClient.withId(UUID.nameUUIDFromBytes(
                        ("client:" + gateway.clientId()).getBytes()).toString())
                .clientId(gateway.clientId())
                .clientSecret(encoded(gateway.clientSecret(), encoder))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(gateway.redirectUri())
                .postLogoutRedirectUri(gateway.postLogoutRedirectUri())
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(15))
                        .refreshTokenTimeToLive(Duration.ofHours(12)).reuseRefreshTokens(false).build())
                .build();
        List<RegisteredClient> clients = new java.util.ArrayList<>(List.of(gatewayClient));
        for (IdentitySettings.ServiceAccount account : settings.serviceAccounts()) {
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(
                            ("client:" + account.clientId()).getBytes()).toString())
                    .clientId(account.clientId())
                    .clientSecret(encoded(account.clientSecret(), encoder))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(15)).build())
                    .build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static String encoded(String secret, PasswordEncoder encoder) {
        return secret.startsWith("{") ? secret : encoder.encode(secret);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(JdbcClient jdbc, SecretSealer sealer) {
        return new ImmutableJWKSet<>(SigningKeys.load(jdbc, sealer));
    }

    /** Validates this server's own access tokens at the userinfo endpoint. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    /**
     * A mutable {@link ArrayList}: the claims are stored with the authorization (JSON with type information), and
     * reading them back allows only well-known collection types, not {@code List.of}'s.
     */
    private static List<String> names(List<Role> roles) {
        return new ArrayList<>(roles.stream().map(Enum::name).toList());
    }

    /**
     * Adds {@code roles} and {@code adpulse_client} to ID and access tokens. A user read fresh from the database:
     * a DISABLED user gets no new token, so disabling also ends refreshes.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims(UserService users, IdentitySettings settings) {
        Map<String, List<Role>> serviceAccounts = settings.serviceAccounts().stream()
                .collect(Collectors.toMap(IdentitySettings.ServiceAccount::clientId,
                        IdentitySettings.ServiceAccount::roles, (a, b) -> b));
        return context -> {
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                List<Role> roles = serviceAccounts.getOrDefault(context.getRegisteredClient().getClientId(),
                        List.of());
                context.getClaims().claim(ROLES_CLAIM, names(roles));
                return;
            }
            boolean idToken = "id_token".equals(context.getTokenType().getValue());
            if (!idToken && !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            UserAccount user = users.find(context.getPrincipal().getName())
                    .filter(u -> u.status() == Status.ACTIVE)
                    .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                            OAuth2ErrorCodes.INVALID_GRANT, "the user is disabled or unknown", null)));
            context.getClaims().claim(ROLES_CLAIM, names(user.roles()));
            context.getClaims().claim("preferred_username", user.username());
            if (user.client() != null) {
                context.getClaims().claim(CLIENT_CLAIM, user.client());
            }
        };
    }
}
