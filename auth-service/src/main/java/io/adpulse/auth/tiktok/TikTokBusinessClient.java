package io.adpulse.auth.tiktok;

import io.adpulse.auth.config.AuthProperties;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * Client for TikTok's Marketing API OAuth endpoints. TikTok answers HTTP 200 for errors too and puts
 * the outcome in the envelope's {@code code}; this adapter turns code 0 into data, throttling and
 * server codes into {@link TikTokUnavailableException} (retried with backoff when repeating is safe)
 * and every other code into {@link TikTokRejectedException}. The app secret travels in request
 * bodies and the advertiser query, so no error message here ever contains a request URI or body.
 */
@Component
public class TikTokBusinessClient {

    static final String ACCESS_TOKEN = "/oauth2/access_token/";
    static final String ADVERTISERS = "/oauth2/advertiser/get/";
    static final String REVOKE_TOKEN = "/oauth2/revoke_token/";

    /** Throttling codes: TikTok refused before doing anything, so any call may be repeated. */
    private static final Set<Integer> THROTTLED = Set.of(40016, 40100, 40132, 40133);
    /** Codes at or above this are TikTok server errors or maintenance. */
    private static final int FIRST_SERVER_CODE = 50000;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final AuthProperties.TikTok settings;
    private final WebClient http;

    public TikTokBusinessClient(AuthProperties properties) {
        this.settings = properties.tiktok();
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(settings.connectTimeout().toMillis()))
                .responseTimeout(settings.responseTimeout());
        this.http = WebClient.builder()
                .baseUrl(settings.businessApiBaseUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .build();
    }

    /**
     * Redeems an authorisation code from TikTok's consent redirect for an access token. Codes are
     * single-use, so the call is repeated only when TikTok certainly did not see it.
     */
    public Mono<BusinessGrant> exchangeAuthCode(String authCode) {
        Map<String, String> body = Map.of("app_id", settings.appId(), "secret", settings.appSecret(),
                "auth_code", authCode);
        return call(ACCESS_TOKEN, false, http.post().uri(ACCESS_TOKEN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body))
                .flatMap(data -> {
                    String token = data.path("access_token").asString("");
                    if (token.isBlank()) {
                        return Mono.error(new TikTokUnavailableException(
                                "TikTok answered " + ACCESS_TOKEN + " without an access_token", false));
                    }
                    return Mono.just(new BusinessGrant(token, strings(data.path("advertiser_ids")),
                            strings(data.path("scope"))));
                });
    }

    /** Every advertiser account the access token was granted for, with TikTok's display names. */
    public Mono<List<AuthorizedAdvertiser>> authorizedAdvertisers(String accessToken) {
        return call(ADVERTISERS, true, http.get()
                .uri(uri -> uri.path(ADVERTISERS).queryParam("app_id", "{appId}").queryParam("secret", "{secret}")
                        .build(settings.appId(), settings.appSecret()))
                .header("Access-Token", accessToken))
                .map(data -> {
                    List<AuthorizedAdvertiser> advertisers = new ArrayList<>();
                    for (JsonNode item : data.path("list")) {
                        String id = item.path("advertiser_id").asString("");
                        if (!id.isBlank()) {
                            advertisers.add(new AuthorizedAdvertiser(id, item.path("advertiser_name").asString(null)));
                        }
                    }
                    return List.copyOf(advertisers);
                });
    }

    /** Revokes an access token at TikTok; every advertiser of that grant loses access. */
    public Mono<Void> revokeToken(String accessToken) {
        Map<String, String> body = Map.of("app_id", settings.appId(), "secret", settings.appSecret(),
                "access_token", accessToken);
        return call(REVOKE_TOKEN, true, http.post().uri(REVOKE_TOKEN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body))
                .then();
    }

    private Mono<JsonNode> call(String endpoint, boolean idempotent, WebClient.RequestHeadersSpec<?> request) {
        return request.exchangeToMono(response -> read(endpoint, response))
                .onErrorMap(e -> !(e instanceof TikTokUnavailableException), e -> unreachable(endpoint, e))
                .flatMap(envelope -> data(endpoint, envelope))
                .retryWhen(Retry.backoff(settings.retries(), FIRST_BACKOFF)
                        .filter(e -> e instanceof TikTokUnavailableException unavailable
                                && (idempotent || unavailable.safeToRepeat()))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private static Mono<JsonNode> read(String endpoint, ClientResponse response) {
        if (!response.statusCode().is2xxSuccessful()) {
            boolean throttled = response.statusCode().value() == HttpStatus.TOO_MANY_REQUESTS.value();
            return response.releaseBody().then(Mono.error(new TikTokUnavailableException(
                    "TikTok answered " + endpoint + " with HTTP " + response.statusCode().value(), throttled)));
        }
        return response.bodyToMono(JsonNode.class)
                .switchIfEmpty(Mono.error(new TikTokUnavailableException(
                        "TikTok answered " + endpoint + " with an empty body", false)));
    }

    private static Mono<JsonNode> data(String endpoint, JsonNode envelope) {
        JsonNode code = envelope.path("code");
        if (!code.isIntegralNumber()) {
            return Mono.error(new TikTokUnavailableException(
                    "TikTok answered " + endpoint + " with something other than its {code, message, data} envelope",
                    false));
        }
        int value = code.asInt();
        if (value == 0) {
            return Mono.just(envelope.path("data"));
        }
        String message = envelope.path("message").asString("");
        if (THROTTLED.contains(value)) {
            return Mono.error(new TikTokUnavailableException(
                    "TikTok throttled " + endpoint + " (code " + value + ")", true));
        }
        if (value >= FIRST_SERVER_CODE) {
            return Mono.error(new TikTokUnavailableException(
                    "TikTok failed " + endpoint + " with server code " + value, false));
        }
        return Mono.error(new TikTokRejectedException(endpoint, value, message));
    }

    /** Transport and decoding failures; only the cause's type is kept, its message may hold the URI. */
    private static TikTokUnavailableException unreachable(String endpoint, Throwable e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        boolean neverSent = cause instanceof ConnectException || cause instanceof ConnectTimeoutException;
        return new TikTokUnavailableException("TikTok did not answer " + endpoint + ": "
                + (neverSent ? "connection failed" : cause.getClass().getSimpleName()), neverSent);
    }

    /** TikTok sends ids and scopes as JSON arrays of numbers or strings, sometimes one comma list. */
    private static List<String> strings(JsonNode node) {
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(item -> {
                String value = item.asString("");
                if (!value.isBlank()) {
                    values.add(value);
                }
            });
            return values;
        }
        String text = node.asString("");
        return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }
}
