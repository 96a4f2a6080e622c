package io.adpulse.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import io.adpulse.identity.IdentityTestBase;
import io.adpulse.identity.user.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TokenTest extends IdentityTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/adpulse";
    private static final String VERIFIER = "a-pkce-verifier-that-is-long-enough-0123456789-abcdefghij";

    @Test
    void issuesNoCodeBeforeTheTotpStepAndTokensWithRolesAndClientAfterIt() throws Exception {
        String user = newUser(List.of(Role.CLIENT), "acme");
        MockHttpSession session = new MockHttpSession();
        mvc.perform(authorize().session(session)).andExpect(header().string("Location", endsWith("/login")));
        mvc.perform(post("/login").session(session).with(csrf()).param("username", user).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login/enrol"));
        mvc.perform(authorize().session(session)).andExpect(header().string("Location", endsWith("/login")));

        String secret = secretOnPage(session);
        String saved = mvc.perform(post("/login/enrol").session(session).with(csrf()).param("code", code(secret, 0)))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(saved).contains("/oauth2/authorize");
        String callback = mvc.perform(get(java.net.URI.create(saved)).session(session)).andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(callback).startsWith(REDIRECT + "?code=").contains("state=s1");
        String code = callback.replaceAll(".*[?&]code=([^&]+).*", "$1");

        String answer = mvc.perform(post("/oauth2/token").with(httpBasic("adpulse-gateway", "dev-gateway-secret"))
                        .param("grant_type", "authorization_code").param("code", code)
                        .param("redirect_uri", REDIRECT).param("code_verifier", VERIFIER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode tokens = JSON.readTree(answer);
        assertThat(tokens.path("refresh_token").asString()).isNotBlank();
        String userInfo = mvc.perform(get("/userinfo").header("Authorization",
                        "Bearer " + tokens.path("access_token").asString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(userInfo).path("sub").asString()).isEqualTo(user);
        for (String token : List.of(tokens.path("id_token").asString(), tokens.path("access_token").asString())) {
            JsonNode claims = payload(token);
            assertThat(claims.path("sub").asString()).isEqualTo(user);
            assertThat(claims.path("iss").asString()).isEqualTo("http://localhost:8086");
            assertThat(claims.path("roles").isArray()).isTrue();
            assertThat(claims.path("roles").get(0).asString()).isEqualTo("CLIENT");
            assertThat(claims.path("adpulse_client").asString()).isEqualTo("acme");
        }
    }

    @Test
    void aServiceAccountGetsABearerTokenWithItsRoles() throws Exception {
        String answer = mvc.perform(post("/oauth2/token").with(httpBasic("launcher", "launcher-secret"))
                        .param("grant_type", "client_credentials"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode claims = payload(JSON.readTree(answer).path("access_token").asString());
        assertThat(claims.path("sub").asString()).isEqualTo("launcher");
        assertThat(claims.path("roles").get(0).asString()).isEqualTo("ADMIN");

        mvc.perform(post("/oauth2/token").with(httpBasic("launcher", "wrong")).param("grant_type", "client_credentials"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void publishesDiscoveryWithTheLogoutEndpoint() throws Exception {
        String discovery = mvc.perform(get("/.well-known/openid-configuration")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(discovery).path("end_session_endpoint").asString())
                .isEqualTo("http://localhost:8086/connect/logout");
    }

    private static MockHttpServletRequestBuilder authorize() throws Exception {
        return get("/oauth2/authorize").accept(MediaType.TEXT_HTML).queryParam("response_type", "code").queryParam("client_id", "adpulse-gateway")
                .queryParam("scope", "openid profile").queryParam("state", "s1").queryParam("nonce", "n1")
                .queryParam("redirect_uri", REDIRECT).queryParam("code_challenge", challenge())
                .queryParam("code_challenge_method", "S256");
    }

    private static JsonNode payload(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static String challenge() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
