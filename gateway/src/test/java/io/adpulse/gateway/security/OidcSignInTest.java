package io.adpulse.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.adpulse.gateway.config.GatewaySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Bearer JWTs against a stand-in OIDC provider (discovery and JWKS): signature and issuer are checked, roles and
 * the client id come from the configured claims, and only Adpulse roles become authorities.
 */
class OidcSignInTest {

    private static final RSAKey KEY = generate("provider-key");
    private static final RSAKey OTHER_KEY = generate("someone-else");
    private static final DisposableServer PROVIDER = HttpServer.create().port(0)
            .route(routes -> routes
                    .get("/.well-known/openid-configuration", (req, res) -> res
                            .header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer()
                                    + "/jwks\",\"authorization_endpoint\":\"" + issuer() + "/oauth2/authorize\","
                                    + "\"token_endpoint\":\"" + issuer() + "/oauth2/token\","
                                    + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")))
                    .get("/jwks", (req, res) -> res.header("Content-Type", "application/json")
                            .sendString(Mono.just(new JWKSet(KEY.toPublicJWK()).toString()))))
            .bindNow();

    private final OidcSignIn sso = new OidcSignIn(new GatewaySettings.Oidc(issuer(), "adpulse-gateway", "secret",
            "roles", "adpulse_client", "preferred_username"));

    @AfterAll
    static void stop() {
        PROVIDER.disposeNow();
    }

    @Test
    void aValidTokenSignsInWithItsAdpulseRolesAndClient() {
        String token = sign(KEY, issuer(), claims -> claims.claim("preferred_username", "carla")
                .claim("roles", List.of("CLIENT", "superuser")).claim("adpulse_client", "acme"));
        Jwt jwt = decoder().decode(token).block();
        OidcSignIn.AdpulseJwtAuthentication auth = sso.authentication(jwt).block();
        assertThat(auth.getName()).isEqualTo("carla");
        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_CLIENT");
        assertThat(AdpulseClient.of(auth)).contains("acme");
    }

    @Test
    void aServiceAccountTokenUsesItsSubjectAndHasNoClient() {
        String token = sign(KEY, issuer(), claims -> claims.claim("roles", List.of("ADMIN")));
        OidcSignIn.AdpulseJwtAuthentication auth = sso.authentication(decoder().decode(token).block()).block();
        assertThat(auth.getName()).isEqualTo("launcher");
        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_ADMIN");
        assertThat(AdpulseClient.of(auth)).isEmpty();
    }

    @Test
    void rejectsATokenFromAnotherIssuerOrSignedWithAnotherKey() {
        String foreignIssuer = sign(KEY, "http://elsewhere.example", claims -> claims.claim("roles", List.of("ADMIN")));
        assertThatThrownBy(() -> decoder().decode(foreignIssuer).block()).hasMessageContaining("iss");
        String forged = sign(OTHER_KEY, issuer(), claims -> claims.claim("roles", List.of("ADMIN")));
        assertThatThrownBy(() -> decoder().decode(forged).block()).isNotNull();
    }

    @Test
    void readsRolesFromAListOrAString() {
        assertThat(OidcSignIn.authorities("operator oncall")).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_OPERATOR", "ROLE_ONCALL");
        assertThat(OidcSignIn.authorities(null)).isEmpty();
    }

    private ReactiveJwtDecoder decoder() {
        return sso.jwtDecoder();
    }

    private static String issuer() {
        return "http://localhost:" + PROVIDER.port();
    }

    private static String sign(RSAKey key, String issuer,
            java.util.function.UnaryOperator<JWTClaimsSet.Builder> claims) {
        try {
            JWTClaimsSet set = claims.apply(new JWTClaimsSet.Builder().issuer(issuer).subject("launcher")
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), set);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
