package io.adpulse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

class OAuthFlowTest extends SandboxIntegrationTest {

    @Test
    void consentPageNamesTheAppAndEverySeededAdvertiser() {
        String page = sandbox.web().get().uri(SandboxClient.uri("/portal/auth", "app_id", SandboxClient.APP_ID,
                        "state", "st<1>", "redirect_uri", SandboxClient.REDIRECT))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains(SandboxClient.APP_ID, "/portal/auth/decide", "approve", "deny", "st&lt;1&gt;");
        for (JsonNode advertiser : sandbox.advertisers()) {
            assertThat(page).contains(advertiser.get("advertiser_id").asString(), advertiser.get("name").asString());
        }
    }

    @Test
    void consentPageRefusesAnUnknownAppOrARelativeRedirect() {
        sandbox.web().get().uri(SandboxClient.uri("/portal/auth", "app_id", "someone-else", "state", "s",
                "redirect_uri", SandboxClient.REDIRECT)).exchange().expectStatus().isBadRequest();
        sandbox.web().get().uri(SandboxClient.uri("/portal/auth", "app_id", SandboxClient.APP_ID, "state", "s",
                "redirect_uri", "/callback")).exchange().expectStatus().isBadRequest();
    }

    @Test
    void approvalRedirectsWithTheCodeUnderBothNamesAndTheState() {
        Map<String, String> redirect = sandbox.approve("state-123");

        assertThat(redirect.get("state")).isEqualTo("state-123");
        assertThat(redirect.get("auth_code")).isNotBlank().isEqualTo(redirect.get("code"));
    }

    @Test
    void denialRedirectsWithAnErrorAndNoCode() {
        var location = sandbox.web().get().uri(SandboxClient.uri("/portal/auth/decide", "decision", "deny",
                        "app_id", SandboxClient.APP_ID, "state", "st", "redirect_uri", SandboxClient.REDIRECT))
                .exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();

        assertThat(location).isNotNull();
        assertThat(location.getQuery()).contains("error=access_denied", "state=st").doesNotContain("code");
    }

    @Test
    void authCodeExchangesOnceForATokenOfTheChosenAdvertisers() {
        String first = sandbox.advertisers().get(0).get("advertiser_id").asString();
        String code = sandbox.approve("s", first).get("auth_code");

        JsonNode granted = sandbox.exchange(code);
        JsonNode replayed = sandbox.exchange(code);

        assertThat(granted.get("code").asInt()).isZero();
        assertThat(granted.get("message").asString()).isEqualTo("OK");
        assertThat(granted.get("request_id").asString()).isNotBlank();
        JsonNode data = granted.get("data");
        assertThat(data.get("access_token").asString()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(data.get("advertiser_ids").valueStream().map(JsonNode::asString).toList()).containsExactly(first);
        assertThat(data.get("scope").isArray()).isTrue();
        assertThat(replayed.get("code").asInt()).isEqualTo(40110);
        assertThat(replayed.get("data").isEmpty()).isTrue();
    }

    @Test
    void unknownAuthCodeIs40110AndWrongSecretIs40101() {
        String code = sandbox.approve("s").get("auth_code");

        JsonNode wrongSecret = sandbox.post("oauth2/access_token/", """
                {"app_id":"%s","secret":"not-it","auth_code":"%s"}""".formatted(SandboxClient.APP_ID, code));
        JsonNode unknownCode = sandbox.exchange("0123456789abcdef");

        assertThat(wrongSecret.get("code").asInt()).isEqualTo(40101);
        assertThat(unknownCode.get("code").asInt()).isEqualTo(40110);
    }

    @Test
    void authorizedAdvertisersAreListedForTheTokenAndApp() {
        List<JsonNode> seeded = sandbox.advertisers();
        String token = sandbox.token();

        JsonNode answer = sandbox.get("oauth2/advertiser/get/", token, "app_id", SandboxClient.APP_ID,
                "secret", SandboxClient.SECRET);

        assertThat(answer.get("code").asInt()).isZero();
        assertThat(answer.get("data").get("list").valueStream()
                .map(a -> a.get("advertiser_id").asString() + "=" + a.get("advertiser_name").asString()).toList())
                .containsExactlyElementsOf(seeded.stream()
                        .map(a -> a.get("advertiser_id").asString() + "=" + a.get("name").asString()).toList());
    }

    @Test
    void revokedTokenIsRefusedWith40105() {
        String token = sandbox.token();
        String advertiserIds = "[\"" + sandbox.advertisers().get(0).get("advertiser_id").asString() + "\"]";
        assertThat(sandbox.get("advertiser/info/", token, "advertiser_ids", advertiserIds).get("code").asInt()).isZero();

        JsonNode revoked = sandbox.post("oauth2/revoke_token/", """
                {"app_id":"%s","secret":"%s","access_token":"%s"}""".formatted(SandboxClient.APP_ID, SandboxClient.SECRET, token));
        JsonNode afterwards = sandbox.get("advertiser/info/", token, "advertiser_ids", advertiserIds);
        JsonNode revokedAgain = sandbox.post("oauth2/revoke_token/", """
                {"app_id":"%s","secret":"%s","access_token":"%s"}""".formatted(SandboxClient.APP_ID, SandboxClient.SECRET, token));

        assertThat(revoked.get("code").asInt()).isZero();
        assertThat(afterwards.get("code").asInt()).isEqualTo(40105);
        assertThat(revokedAgain.get("code").asInt()).isEqualTo(40105);
    }

    @Test
    void tokenEndpointWithoutBodyIs40002() {
        JsonNode answer = sandbox.post("oauth2/access_token/", "not json");

        assertThat(answer.get("code").asInt()).isEqualTo(40002);
        assertThat(answer.get("message").asString()).contains("body");
    }
}
