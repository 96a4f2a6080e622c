package io.adpulse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import tools.jackson.databind.JsonNode;

class LoginKitFlowTest extends SandboxIntegrationTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-sandbox-test";
    private static final String SCOPE = "user.info.basic,video.list";

    @Test
    void authorizePageListsTheCreatorsAndCarriesThePkceChallenge() {
        String page = sandbox.web().get().uri(authorize("st<1>", challenge(VERIFIER), "S256"))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("/v2/auth/authorize/decide", "Trailside Tales", "Glow With Mai", "st&lt;1&gt;",
                challenge(VERIFIER), "user.info.basic,video.list");
    }

    @Test
    void authorizeRefusesRequestsWithoutAnS256Challenge() {
        sandbox.web().get().uri(authorize("s", null, null)).exchange().expectStatus().isBadRequest();
        sandbox.web().get().uri(authorize("s", VERIFIER.substring(0, 43), "plain")).exchange().expectStatus().isBadRequest();
        sandbox.web().get().uri(authorize("s", "too-short", "S256")).exchange().expectStatus().isBadRequest()
                .expectBody(String.class).value(body -> assertThat(body).contains("code_challenge"));
        sandbox.web().get().uri(SandboxClient.uri("/v2/auth/authorize/", "client_key", "someone-else",
                        "response_type", "code", "scope", SCOPE, "redirect_uri", SandboxClient.REDIRECT,
                        "state", "s", "code_challenge", challenge(VERIFIER), "code_challenge_method", "S256"))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void approvalRedirectsWithCodeScopesAndStateAndDenialWithAnError() {
        Map<String, String> approved = decide("approve", "state-1", challenge(VERIFIER));
        assertThat(approved.get("code")).isNotBlank();
        assertThat(approved.get("scopes")).isEqualTo(SCOPE);
        assertThat(approved.get("state")).isEqualTo("state-1");

        Map<String, String> denied = decide("deny", "state-2", challenge(VERIFIER));
        assertThat(denied).containsEntry("error", "access_denied").containsEntry("state", "state-2")
                .doesNotContainKey("code");
    }

    @Test
    void theCodeRedeemsOnceWithTheRightVerifierForATokenPairWithTheConfiguredLifetime() {
        String code = decide("approve", "s", challenge(VERIFIER)).get("code");

        JsonNode pair = token(HttpStatus.OK, "grant_type", "authorization_code", "code", code,
                "redirect_uri", SandboxClient.REDIRECT, "code_verifier", VERIFIER);

        assertThat(pair.get("access_token").asString()).startsWith("act.");
        assertThat(pair.get("refresh_token").asString()).startsWith("rft.");
        assertThat(pair.get("expires_in").asLong()).isEqualTo(300);
        assertThat(pair.get("refresh_expires_in").asLong()).isEqualTo(180L * 24 * 3600);
        assertThat(pair.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(pair.get("scope").asString()).isEqualTo(SCOPE);
        assertThat(pair.get("open_id").asString()).isNotBlank();
        assertThat(userInfo(pair.get("access_token").asString(), HttpStatus.OK)
                .at("/data/user/display_name").asString()).isEqualTo("Trailside Tales");

        JsonNode replay = token(HttpStatus.BAD_REQUEST, "grant_type", "authorization_code", "code", code,
                "redirect_uri", SandboxClient.REDIRECT, "code_verifier", VERIFIER);
        assertThat(replay.get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void aWrongVerifierIsInvalidGrantAndUsesTheCodeUp() {
        String code = decide("approve", "s", challenge(VERIFIER)).get("code");

        JsonNode wrong = token(HttpStatus.BAD_REQUEST, "grant_type", "authorization_code", "code", code,
                "redirect_uri", SandboxClient.REDIRECT, "code_verifier", VERIFIER.replace('d', 'e'));
        assertThat(wrong.get("error").asString()).isEqualTo("invalid_grant");
        assertThat(wrong.get("error_description").asString()).contains("Code verifier");
        assertThat(wrong.get("log_id").asString()).isNotBlank();

        token(HttpStatus.BAD_REQUEST, "grant_type", "authorization_code", "code", code,
                "redirect_uri", SandboxClient.REDIRECT, "code_verifier", VERIFIER);
    }

    @Test
    void refreshTokensRotateAndAnOldOneStopsWorkingOnceUsed() {
        JsonNode first = connect();
        String oldRefresh = first.get("refresh_token").asString();

        JsonNode second = token(HttpStatus.OK, "grant_type", "refresh_token", "refresh_token", oldRefresh);
        assertThat(second.get("refresh_token").asString()).isNotEqualTo(oldRefresh);
        assertThat(second.get("access_token").asString()).isNotEqualTo(first.get("access_token").asString());
        userInfo(second.get("access_token").asString(), HttpStatus.OK);

        JsonNode reused = token(HttpStatus.BAD_REQUEST, "grant_type", "refresh_token", "refresh_token", oldRefresh);
        assertThat(reused.get("error").asString()).isEqualTo("invalid_grant");
        token(HttpStatus.OK, "grant_type", "refresh_token", "refresh_token", second.get("refresh_token").asString());
    }

    @Test
    void revokingEndsTheWholeGrant() {
        JsonNode pair = connect();
        var form = form("client_key", SandboxClient.APP_ID, "client_secret", SandboxClient.SECRET,
                "token", pair.get("access_token").asString());
        sandbox.web().post().uri("/v2/oauth/revoke/").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange().expectStatus().isOk();

        assertThat(userInfo(pair.get("access_token").asString(), HttpStatus.UNAUTHORIZED).at("/error/code").asString())
                .isEqualTo("access_token_invalid");
        token(HttpStatus.BAD_REQUEST, "grant_type", "refresh_token", "refresh_token",
                pair.get("refresh_token").asString());
    }

    @Test
    void aUserRemovingTheAppEndsEveryGrantAndTikTokSendsAuthorizationRemoved() {
        JsonNode first = connect();
        JsonNode second = connect();
        String openId = first.get("open_id").asString();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            sandbox.web().put().uri("/sandbox/webhooks/callback").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("url", receiver.url().toString())).exchange().expectStatus().isOk();

            sandbox.web().post().uri("/sandbox/creators/{openId}/deauthorize?reason=4", openId).exchange()
                    .expectStatus().isOk()
                    // both grants made here, and any other test left for the same user
                    .expectBody().jsonPath("$.grants_ended").value(ended -> assertThat((Integer) ended).isGreaterThanOrEqualTo(2));

            for (JsonNode pair : java.util.List.of(first, second)) {
                userInfo(pair.get("access_token").asString(), HttpStatus.UNAUTHORIZED);
                token(HttpStatus.BAD_REQUEST, "grant_type", "refresh_token", "refresh_token",
                        pair.get("refresh_token").asString());
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> !receiver.received().isEmpty());
            JsonNode body = SandboxClient.parse(receiver.received().get(0).body());
            assertThat(body.get("event").asString()).isEqualTo("authorization.removed");
            assertThat(body.get("user_openid").asString()).isEqualTo(openId);
            assertThat(SandboxClient.parse(body.get("content").asString()).get("reason").asInt()).isEqualTo(4);
            assertThat(WebhookSenderTest.verifies(receiver.received().get(0), SandboxClient.SECRET)).isTrue();
        } finally {
            sandbox.web().put().uri("/sandbox/webhooks/callback").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of()).exchange().expectStatus().isOk();
        }
    }

    @Test
    void wrongClientCredentialsAreInvalidClient() {
        var form = form("client_key", SandboxClient.APP_ID, "client_secret", "nope", "grant_type", "refresh_token",
                "refresh_token", "rft.x");
        String body = sandbox.web().post().uri("/v2/oauth/token/").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange().expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(SandboxClient.parse(body).get("error").asString()).isEqualTo("invalid_client");
        token(HttpStatus.BAD_REQUEST, "grant_type", "password");
    }

    private JsonNode connect() {
        String code = decide("approve", "s", challenge(VERIFIER)).get("code");
        return token(HttpStatus.OK, "grant_type", "authorization_code", "code", code,
                "redirect_uri", SandboxClient.REDIRECT, "code_verifier", VERIFIER);
    }

    private JsonNode token(HttpStatus expected, String... params) {
        String[] all = Arrays.copyOf(new String[] {"client_key", SandboxClient.APP_ID, "client_secret", SandboxClient.SECRET},
                4 + params.length);
        System.arraycopy(params, 0, all, 4, params.length);
        String body = sandbox.web().post().uri("/v2/oauth/token/").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form(all))).exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(String.class).returnResult().getResponseBody();
        return SandboxClient.parse(body);
    }

    private JsonNode userInfo(String accessToken, HttpStatus expected) {
        String body = sandbox.web().get().uri("/v2/user/info/?fields=open_id,display_name")
                .header("Authorization", "Bearer " + accessToken).exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(String.class).returnResult().getResponseBody();
        return SandboxClient.parse(body);
    }

    private Map<String, String> decide(String decision, String state, String challenge) {
        URI location = sandbox.web().get().uri(SandboxClient.uri("/v2/auth/authorize/decide", "decision", decision,
                        "client_key", SandboxClient.APP_ID, "response_type", "code", "scope", SCOPE,
                        "redirect_uri", SandboxClient.REDIRECT, "state", state, "code_challenge", challenge,
                        "code_challenge_method", "S256"))
                .exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(location).isNotNull();
        assertThat(location.toString()).startsWith(SandboxClient.REDIRECT + "?");
        return Arrays.stream(location.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    private static URI authorize(String state, String challenge, String method) {
        var params = new java.util.ArrayList<>(java.util.List.of("client_key", SandboxClient.APP_ID,
                "response_type", "code", "scope", SCOPE, "redirect_uri", SandboxClient.REDIRECT, "state", state));
        if (challenge != null) {
            params.addAll(java.util.List.of("code_challenge", challenge));
        }
        if (method != null) {
            params.addAll(java.util.List.of("code_challenge_method", method));
        }
        return SandboxClient.uri("/v2/auth/authorize/", params.toArray(String[]::new));
    }

    private static LinkedMultiValueMap<String, String> form(String... pairs) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
