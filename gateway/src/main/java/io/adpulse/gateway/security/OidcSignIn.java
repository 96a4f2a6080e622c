package io.adpulse.gateway.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.adpulse.gateway.config.GatewaySettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sign-in through any OpenID Connect provider: the client registration (discovered from the issuer on first use,
 * so the gateway starts before the provider), the roles and client id taken from configurable claims, and the
 * bearer JWT decoder for API clients. Only the Adpulse roles become authorities ({@code ROLE_ADMIN}...), so the
 * services see the same roles whichever provider signed the user in.
 */
final class OidcSignIn {

    /** The registration id: the callback is {@code /login/oauth2/code/adpulse}, the start {@code /oauth2/authorization/adpulse}. */
    static final String REGISTRATION_ID = "adpulse";

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    private final GatewaySettings.Oidc oidc;

    OidcSignIn(GatewaySettings.Oidc oidc) {
        this.oidc = oidc;
    }

    /** Discovers the provider at the first sign-in and keeps the answer; a failed discovery is tried again. */
    ReactiveClientRegistrationRepository registrations() {
        Mono<ClientRegistration> registration = Mono.fromCallable(() -> ClientRegistrations
                        .fromIssuerLocation(oidc.issuerUri())
                        .registrationId(REGISTRATION_ID)
                        .clientId(oidc.clientId())
                        .clientSecret(oidc.clientSecret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .scope("openid", "profile")
                        .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                        .build())
                .subscribeOn(Schedulers.boundedElastic())
                .cache(r -> Duration.ofMillis(Long.MAX_VALUE), e -> Duration.ZERO, () -> Duration.ZERO);
        return id -> !REGISTRATION_ID.equals(id) ? Mono.empty() : registration.onErrorResume(e -> {
            log.warn("The OIDC provider {} could not be discovered: {}", oidc.issuerUri(), e.toString());
            return Mono.empty();
        });
    }

    /** The signed-in browser user: roles and client id from the ID token (and userinfo) claims. */
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> users() {
        OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
        return request -> delegate.loadUser(request).map(user -> {
            String nameClaim = user.getClaims().containsKey(oidc.usernameClaim()) ? oidc.usernameClaim() : "sub";
            return new AdpulseOidcUser(authorities(user.getClaims().get(oidc.rolesClaim())), user, nameClaim,
                    stringClaim(user.getClaims().get(oidc.clientClaim())));
        });
    }

    /** Bearer JWTs from the same issuer (signature, issuer, expiry), for scripts and service accounts. */
    ReactiveJwtDecoder jwtDecoder() {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(oidc.issuerUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(oidc.issuerUri()));
        return decoder;
    }

    /** A bearer JWT as the caller: name from the username claim (else {@code sub}), roles, client id. */
    Mono<AdpulseJwtAuthentication> authentication(Jwt jwt) {
        String name = jwt.hasClaim(oidc.usernameClaim()) ? jwt.getClaimAsString(oidc.usernameClaim()) : jwt.getSubject();
        return Mono.just(new AdpulseJwtAuthentication(jwt, authorities(jwt.getClaims().get(oidc.rolesClaim())), name,
                stringClaim(jwt.getClaims().get(oidc.clientClaim()))));
    }

    /** {@code ROLE_<role>} for each Adpulse role in the claim (a list, or a comma or space separated string). */
    static List<GrantedAuthority> authorities(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        } else if (claim instanceof String text) {
            values.addAll(List.of(text.split("[,\\s]+")));
        }
        Set<GatewaySettings.Role> roles = EnumSet.noneOf(GatewaySettings.Role.class);
        for (String value : values) {
            String role = value.strip().toUpperCase(Locale.ROOT);
            for (GatewaySettings.Role known : GatewaySettings.Role.values()) {
                if (known.name().equals(role)) {
                    roles.add(known);
                }
            }
        }
        return roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    private static String stringClaim(Object claim) {
        return claim instanceof String text && !text.isBlank() ? text : null;
    }

    /** A browser user signed in through OIDC. */
    static final class AdpulseOidcUser extends DefaultOidcUser implements AdpulseClient {

        private final String client;

        AdpulseOidcUser(Collection<? extends GrantedAuthority> authorities, OidcUser user, String nameClaim,
                String client) {
            super(authorities, user.getIdToken(), user.getUserInfo(), nameClaim);
            this.client = client;
        }

        @Override
        public String adpulseClient() {
            return client;
        }
    }

    /** An API client with a bearer JWT. */
    static final class AdpulseJwtAuthentication extends JwtAuthenticationToken implements AdpulseClient {

        private final String client;

        AdpulseJwtAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String name,
                String client) {
            super(jwt, authorities, name);
            this.client = client;
        }

        @Override
        public String adpulseClient() {
            return client;
        }
    }
}
