package io.adpulse.auth.tiktok;

import io.adpulse.auth.config.AuthProperties;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * Client for TikTok Login Kit v2 ({@code open.tiktokapis.com}): redeeming an authorisation code with
 * its PKCE verifier, refreshing (which rotates the refresh token), revoking, and reading the user's
 * display name. Requests are form-encoded; answers are flat JSON. An {@code error} in the answer is a
 * {@link LoginKitRejectedException}; HTTP 5xx, 429, transport failures and bodies that are not
 * TikTok's are {@link TikTokUnavailableException}. Redeeming and refreshing spend a single-use value,
 * so they are repeated only when TikTok certainly did not receive them. Client secret and tokens
 * travel only in request bodies and headers and never appear in messages.
 */
@Component
public class TikTokLoginKitClient {

    static final String TOKEN = "/v2/oauth/token/";
    static final String REVOKE = "/v2/oauth/revoke/";
    static final String USER_INFO = "/v2/user/info/";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final AuthProperties.TikTok settings;
    private final WebClient http;

    public TikTokLoginKitClient(AuthProperties properties) {
        this.settings = properties.tiktok();
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(settings.connectTimeout().toMillis()))
                .responseTimeout(settings.responseTimeout());
        this.http = WebClient.builder()
                .baseUrl(settings.openApiBaseUrl().toString().replaceAll("/+$", ""))
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .build();
    }

    /** Redeems the code of Login Kit's redirect with the PKCE verifier of the same authorisation. */
    public Mono<CreatorTokens> exchangeCode(String code, String redirectUri, String codeVerifier) {
        MultiValueMap<String, String> form = credentials();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirectUri);
        form.add("code_verifier", codeVerifier);
        return post(TOKEN, form, false).flatMap(TikTokLoginKitClient::tokens);
    }

    /** Trades a refresh token for a new pair; the old refresh token stops working at TikTok. */
    public Mono<CreatorTokens> refresh(String refreshToken) {
        MultiValueMap<String, String> form = credentials();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        return post(TOKEN, form, false).flatMap(TikTokLoginKitClient::tokens);
    }

    /** Revokes the user's authorisation of Adpulse (all its tokens). */
    public Mono<Void> revoke(String accessToken) {
        MultiValueMap<String, String> form = credentials();
        form.add("token", accessToken);
        return post(REVOKE, form, true).then();
    }

    /** The user's display name, or empty when TikTok names none. */
    public Mono<String> displayName(String accessToken) {
        return call(USER_INFO, true, http.get().uri(uri -> uri.path(USER_INFO)
                        .queryParam("fields", "open_id,display_name").build())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken))
                .flatMap(body -> {
                    JsonNode error = body.path("error");
                    String code = error.path("code").asString("ok");
                    if (!"ok".equals(code) && !code.isBlank()) {
                        return Mono.error(new LoginKitRejectedException(USER_INFO, code,
                                error.path("message").asString("")));
                    }
                    String name = body.path("data").path("user").path("display_name").asString("");
                    return name.isBlank() ? Mono.empty() : Mono.just(name);
                });
    }

    private MultiValueMap<String, String> credentials() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_key", settings.clientKey());
        form.add("client_secret", settings.clientSecret());
        return form;
    }

    private Mono<JsonNode> post(String endpoint, MultiValueMap<String, String> form, boolean idempotent) {
        return call(endpoint, idempotent, http.post().uri(endpoint).body(BodyInserters.fromFormData(form)))
                .flatMap(body -> {
                    String error = body.path("error").asString("");
                    if (!error.isBlank() && !"ok".equals(error)) {
                        return Mono.error(new LoginKitRejectedException(endpoint, error,
                                body.path("error_description").asString("")));
                    }
                    JsonNode code = body.path("code");
                    if (code.isIntegralNumber() && code.asInt() != 0) {
                        return Mono.error(new TikTokRejectedException(endpoint, code.asInt(),
                                body.path("message").asString("")));
                    }
                    return Mono.just(body);
                });
    }

    private Mono<JsonNode> call(String endpoint, boolean idempotent, WebClient.RequestHeadersSpec<?> request) {
        return request.exchangeToMono(response -> read(endpoint, response))
                .onErrorMap(e -> !(e instanceof TikTokUnavailableException || e instanceof LoginKitRejectedException),
                        e -> unreachable(endpoint, e))
                .retryWhen(Retry.backoff(settings.retries(), FIRST_BACKOFF)
                        .filter(e -> e instanceof TikTokUnavailableException unavailable
                                && (idempotent || unavailable.safeToRepeat()))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    /**
     * OAuth errors come with 4xx and a JSON body naming the error; those bodies are read. Server
     * errors, throttling and non-JSON answers mean TikTok could not answer.
     */
    private static Mono<JsonNode> read(String endpoint, ClientResponse response) {
        int status = response.statusCode().value();
        if (status >= 500 || status == 429) {
            return response.releaseBody().then(Mono.error(new TikTokUnavailableException(
                    "TikTok answered " + endpoint + " with HTTP " + status, status == 429)));
        }
        return response.bodyToMono(JsonNode.class)
                .onErrorMap(e -> new TikTokUnavailableException("TikTok answered " + endpoint + " with HTTP " + status
                        + " and a body that is not JSON", false))
                .switchIfEmpty(Mono.error(() -> new TikTokUnavailableException(
                        "TikTok answered " + endpoint + " with HTTP " + status + " and an empty body", false)))
                .flatMap(body -> status >= 400 && body.path("error").asString("").isBlank()
                        && !body.path("error").isObject()
                        ? Mono.error(new TikTokUnavailableException(
                                "TikTok answered " + endpoint + " with HTTP " + status, false))
                        : Mono.just(body));
    }

    private static Mono<CreatorTokens> tokens(JsonNode body) {
        String access = body.path("access_token").asString("");
        String refresh = body.path("refresh_token").asString("");
        String openId = body.path("open_id").asString("");
        if (access.isBlank() || refresh.isBlank() || openId.isBlank() || !body.path("expires_in").isNumber()) {
            return Mono.error(new TikTokUnavailableException("TikTok answered " + TOKEN
                    + " without open_id, access_token, refresh_token or expires_in", false));
        }
        String scope = body.path("scope").asString("");
        List<String> scopes = scope.isBlank() ? List.of()
                : Arrays.stream(scope.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return Mono.just(new CreatorTokens(openId, scopes, access, body.path("expires_in").asLong(), refresh,
                body.path("refresh_expires_in").asLong(0)));
    }

    private static TikTokUnavailableException unreachable(String endpoint, Throwable e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        boolean neverSent = cause instanceof ConnectException || cause instanceof ConnectTimeoutException;
        return new TikTokUnavailableException("TikTok did not answer " + endpoint + ": "
                + (neverSent ? "connection failed" : cause.getClass().getSimpleName()), neverSent);
    }
}
