package io.adpulse.gateway.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.gateway.config.GatewaySettings;
import io.adpulse.gateway.config.GatewaySettings.LocalUser;
import io.adpulse.gateway.config.GatewaySettings.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.util.unit.DataSize;

class ClientScopeTest {

    private final ClientScope scope = new ClientScope(settings(
            new LocalUser("clara", "pw", List.of(Role.CLIENT), " client-acme "),
            new LocalUser("olivia", "pw", List.of(Role.OPERATOR), null)));

    @Test
    void readsALocalUsersClientFromConfiguration() {
        var clara = new TestingAuthenticationToken("clara", "pw", "ROLE_CLIENT");
        assertThat(ClientScope.isClient(clara)).isTrue();
        assertThat(scope.clientOf(clara)).contains("client-acme");
        var olivia = new TestingAuthenticationToken("olivia", "pw", "ROLE_OPERATOR");
        assertThat(ClientScope.isClient(olivia)).isFalse();
        assertThat(scope.clientOf(olivia)).isEmpty();
    }

    @Test
    void readsTheClientClaimOfAnOidcUser() {
        OidcIdToken token = new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "u-1", "adpulse_client", "client-oidc"));
        var user = new DefaultOidcUser(AuthorityUtils.createAuthorityList("ROLE_CLIENT"), token);
        var auth = new TestingAuthenticationToken(user, null, "ROLE_CLIENT");
        assertThat(scope.clientOf(auth)).contains("client-oidc");
    }

    @Test
    void readsTheClientClaimOfATokenAndOfAnOAuth2User() {
        ClaimAccessor jwt = () -> Map.of("sub", "svc", "adpulse_client", "client-jwt");
        assertThat(scope.clientOf(new TestingAuthenticationToken(jwt, null, "ROLE_CLIENT"))).contains("client-jwt");
        var oauth = new DefaultOAuth2User(AuthorityUtils.createAuthorityList("ROLE_CLIENT"),
                Map.of("id", "u-2", "adpulse_client", "client-oauth"), "id");
        assertThat(scope.clientOf(new TestingAuthenticationToken(oauth, null, "ROLE_CLIENT"))).contains("client-oauth");
    }

    @Test
    void neverLendsALocalUsersClientToATokenOfTheSameName() {
        ClaimAccessor jwt = () -> Map.of("sub", "clara");
        var auth = new TestingAuthenticationToken(jwt, null, "ROLE_CLIENT") {
            @Override
            public String getName() {
                return "clara";
            }
        };
        assertThat(scope.clientOf(auth)).isEmpty();
    }

    @Test
    void refusesToStartWithAClientUserThatNamesNoClient() {
        assertThatThrownBy(() -> new ClientScope(settings(new LocalUser("cleo", "pw", List.of(Role.CLIENT), " "))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cleo");
    }

    private static GatewaySettings settings(LocalUser... users) {
        return new GatewaySettings("admin", "pw", false, List.of(users),
                new GatewaySettings.Limits(DataSize.ofMegabytes(1), 50, 100, 10000, DataSize.ofKilobytes(64),
                        DataSize.ofMegabytes(512)),
                new GatewaySettings.LocalUsers(true), new GatewaySettings.Oidc("", "adpulse-gateway", "", "roles",
                        "adpulse_client", "preferred_username"), true,
                new GatewaySettings.Scope("http://localhost:1", Duration.ofSeconds(30), Duration.ofSeconds(2)),
                new GatewaySettings.Privacy("http://localhost:1", "http://localhost:1", "http://localhost:1",
                        "http://localhost:1", Duration.ofSeconds(30)));
    }
}
