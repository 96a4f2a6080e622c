package io.adpulse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the sandbox the way TikTok clients and tests do, and reads answers as JSON trees. */
public final class SandboxClient {

    public static final String APP_ID = "test-app";
    public static final String SECRET = "test-secret";
    public static final String API = "/open_api/v1.3/";
    public static final String REDIRECT = "https://app.example.com/callback";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient web;

    SandboxClient(WebTestClient web) {
        this.web = web;
    }

    /** A GET of a TikTok endpoint ({@code advertiser/info/}); answers are HTTP 200 even for TikTok errors. */
    public JsonNode get(String endpoint, String token, String... params) {
        return read(web.get().uri(uri(API + endpoint, params))
                .headers(headers -> {
                    if (token != null) {
                        headers.set("Access-Token", token);
                    }
                })
                .exchange().expectStatus().isOk());
    }

    /** A POST of a TikTok endpoint with a JSON body. */
    public JsonNode post(String endpoint, String json) {
        return read(web.post().uri(API + endpoint).contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange().expectStatus().isOk());
    }

    /** A POST of a TikTok endpoint with the {@code Access-Token} header and a JSON body. */
    public JsonNode post(String endpoint, String token, String json) {
        return read(web.post().uri(API + endpoint).header("Access-Token", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange().expectStatus().isOk());
    }

    /** A POST of a control endpoint ({@code /sandbox/...}) with a JSON body that must answer {@code status}. */
    public JsonNode control(String path, String json, int status) {
        var response = web.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                .expectStatus().isEqualTo(status);
        return status == 204 ? null : read(response);
    }

    /** A GET of a control endpoint ({@code /sandbox/...}) that must answer 200. */
    public JsonNode control(String path, String... params) {
        return read(web.get().uri(uri(path, params)).exchange().expectStatus().isOk());
    }

    /**
     * A Login Kit access token of {@code openId} (the first creator when null) for {@code scope}, through the
     * authorize page and the token endpoint.
     */
    public String creatorToken(String scope, String openId) {
        String verifier = "creator-verifier-0123456789-0123456789-0123456789";
        java.util.List<String> params = new java.util.ArrayList<>(java.util.List.of("decision", "approve",
                "client_key", APP_ID, "response_type", "code", "scope", scope, "redirect_uri", REDIRECT,
                "state", "s", "code_challenge", LoginKitFlowTest.challenge(verifier), "code_challenge_method", "S256"));
        if (openId != null) {
            params.addAll(java.util.List.of("open_id", openId));
        }
        URI location = web.get().uri(uri("/v2/auth/authorize/decide", params.toArray(String[]::new)))
                .exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(location).isNotNull();
        String code = query(location).get("code");
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("client_key", APP_ID);
        form.add("client_secret", SECRET);
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", REDIRECT);
        form.add("code_verifier", verifier);
        JsonNode pair = read(web.post().uri("/v2/oauth/token/").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(org.springframework.web.reactive.function.BodyInserters.fromFormData(form)).exchange()
                .expectStatus().isOk());
        return pair.get("access_token").asString();
    }

    public WebTestClient web() {
        return web;
    }

    /** Consents on the portal for the given advertisers (all when none) and returns the redirect's parameters. */
    public Map<String, String> approve(String state, String... advertiserIds) {
        String[] params = {"decision", "approve", "app_id", APP_ID, "state", state, "redirect_uri", REDIRECT};
        if (advertiserIds.length > 0) {
            params = Arrays.copyOf(params, params.length + 2);
            params[params.length - 2] = "advertiser_ids";
            params[params.length - 1] = String.join(",", advertiserIds);
        }
        URI location = web.get().uri(uri("/portal/auth/decide", params)).exchange()
                .expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(location).isNotNull();
        assertThat(location.toString()).startsWith(REDIRECT + "?");
        return query(location);
    }

    /** Exchanges an auth code; returns the whole envelope. */
    public JsonNode exchange(String authCode) {
        return post("oauth2/access_token/", """
                {"app_id":"%s","secret":"%s","auth_code":"%s"}""".formatted(APP_ID, SECRET, authCode));
    }

    /** A fresh access token for the given advertisers (all when none), through the whole OAuth round trip. */
    public String token(String... advertiserIds) {
        JsonNode answer = exchange(approve("s", advertiserIds).get("auth_code"));
        assertThat(answer.get("code").asInt()).as(answer.toString()).isZero();
        return answer.get("data").get("access_token").asString();
    }

    /** The seeded advertisers, from the control API. */
    public List<JsonNode> advertisers() {
        return control("/sandbox/advertisers").valueStream().toList();
    }

    /** A URI with percent-encoded query parameters given as name, value pairs. */
    public static URI uri(String path, String... params) {
        StringJoiner query = new StringJoiner("&");
        for (int i = 0; i < params.length; i += 2) {
            query.add(encode(params[i]) + "=" + encode(params[i + 1]));
        }
        return URI.create(params.length == 0 ? path : path + "?" + query);
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    private static JsonNode read(WebTestClient.ResponseSpec response) {
        String body = response.expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).isNotNull();
        return parse(body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
    }
}
