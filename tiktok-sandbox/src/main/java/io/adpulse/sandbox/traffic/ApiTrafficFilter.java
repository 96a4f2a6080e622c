package io.adpulse.sandbox.traffic;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import org.reactivestreams.Publisher;

import io.adpulse.sandbox.api.ApiError;
import io.adpulse.sandbox.api.CallingApp;
import io.adpulse.sandbox.api.Envelope;
import io.adpulse.sandbox.api.RequestIds;
import io.adpulse.sandbox.api.TikTokApi;
import io.adpulse.sandbox.loginkit.CreatorAuthorizations;
import io.adpulse.sandbox.oauth.AccessTokens;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs in front of every TikTok API call: works out the calling app (from the {@code Access-Token}, else the
 * {@code app_id} query parameter; handlers refine it from JSON bodies), applies the next injected fault for the
 * path, then the app's rate limit (TikTok answers {@code 40100} in an HTTP 200, without Retry-After), and counts
 * the call once it is answered. Calls whose app cannot be told (no or an unknown token) are not rate limited;
 * TikTok's handlers reject them anyway.
 * <p>
 * Display API and Content Posting API calls ({@code /v2/video/...}, {@code /v2/post/...}) go through the same faults and counting, their app told from the
 * Login Kit Bearer token, and through the Display API's own limit of 600 calls a minute per endpoint and app,
 * answered HTTP 429 {@code rate_limit_exceeded}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiTrafficFilter implements WebFilter {

    private static final String UNKNOWN_APP = "unknown";
    /** Where the Display API's paths start. */
    static final String DISPLAY_API = "/v2/video/";
    /** Where the Content Posting API's paths start (same v2 errors, faults, counting and per-endpoint limit). */
    static final String CONTENT_POSTING_API = "/v2/post/";

    private static final Map<String, String> DISPLAY_MESSAGES = Map.of(
            "access_token_invalid", "The access token is invalid or not found in the request.",
            "scope_not_authorized", "The user did not authorize the scope required for completing this request.",
            "scope_permission_missed", "The app has no permission for the scope required by this request.",
            "invalid_params", "The request parameters are invalid.",
            "rate_limit_exceeded", "Your request is blocked due to exceeding the API rate limit.",
            "internal_error", "Something went wrong. Please try again later.");

    private final AccessTokens tokens;
    private final CreatorAuthorizations creators;
    private final AppRateLimiter limiter;
    private final WindowRateLimiter displayLimiter;
    private final FaultInjector faults;
    private final CallCounter counter;
    private final JsonMapper mapper;

    ApiTrafficFilter(AccessTokens tokens, CreatorAuthorizations creators, AppRateLimiter limiter,
                     WindowRateLimiter displayLimiter, FaultInjector faults, CallCounter counter, JsonMapper mapper) {
        this.tokens = tokens;
        this.creators = creators;
        this.limiter = limiter;
        this.displayLimiter = displayLimiter;
        this.faults = faults;
        this.counter = counter;
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith(DISPLAY_API) || path.startsWith(CONTENT_POSTING_API)) {
            return display(exchange, chain, path);
        }
        if (!path.startsWith(TikTokApi.BASE + "/")) {
            return chain.filter(exchange);
        }
        String accessToken = exchange.getRequest().getHeaders().getFirst(AccessTokens.HEADER);
        Optional<String> app = tokens.appOf(accessToken)
                // the Business API's organic endpoints (comments) take a TikTok account's Login Kit token
                .or(() -> creators.grantOf(accessToken).map(CreatorAuthorizations.CreatorGrant::clientKey))
                .or(() -> Optional.ofNullable(exchange.getRequest().getQueryParams().getFirst("app_id")));
        app.ifPresent(id -> CallingApp.set(exchange, id));
        return answer(exchange, chain, path)
                .doFinally(signal -> counter.record(path, CallingApp.of(exchange).orElse(UNKNOWN_APP)));
    }

    private Mono<Void> answer(ServerWebExchange exchange, WebFilterChain chain, String path) {
        Optional<Fault> fault = faults.take(path, false);
        if (fault.isPresent()) {
            Mono<Void> injected = Mono.defer(() -> inject(fault.get(), exchange, chain));
            return fault.get().delay().isZero() ? injected : Mono.delay(fault.get().delay()).then(injected);
        }
        return limited(exchange, chain);
    }

    private Mono<Void> inject(Fault fault, ServerWebExchange exchange, WebFilterChain chain) {
        if (fault.httpStatus() != null) {
            return bare(exchange, fault.httpStatus());
        }
        if (fault.code() != null) {
            String message = fault.message() != null ? fault.message() : ApiError.messageFor(fault.code());
            return envelope(exchange, fault.code(), message);
        }
        if ("malformed".equals(fault.body())) {
            return write(exchange.getResponse(), HttpStatus.OK, MediaType.APPLICATION_JSON,
                    ("{\"code\":0,\"message\":\"OK\",\"request_id\":\"" + RequestIds.of(exchange)
                            + "\",\"data\":{\"list\":[{\"metrics\":{\"spend\":\"12.5\"},}]],\"page_info\":")
                            .getBytes(StandardCharsets.UTF_8));
        }
        if ("truncated".equals(fault.body())) {
            return limited(exchange.mutate().response(new TruncatingResponse(exchange.getResponse())).build(), chain);
        }
        return limited(exchange, chain);
    }

    /** Lets the real answer through cut off after half of its bytes, as a dropped connection would leave it. */
    private static final class TruncatingResponse extends ServerHttpResponseDecorator {

        TruncatingResponse(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return DataBufferUtils.join(body).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                byte[] half = Arrays.copyOf(bytes, bytes.length / 2);
                getDelegate().getHeaders().setContentLength(half.length);
                return getDelegate().writeWith(Mono.just(getDelegate().bufferFactory().wrap(half)));
            });
        }
    }

    private static Mono<Void> bare(ServerWebExchange exchange, int httpStatus) {
        HttpStatus known = HttpStatus.resolve(httpStatus);
        return write(exchange.getResponse(), HttpStatusCode.valueOf(httpStatus), MediaType.TEXT_PLAIN,
                (httpStatus + " " + (known == null ? "Error" : known.getReasonPhrase())).getBytes(StandardCharsets.UTF_8));
    }

    private Mono<Void> limited(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> app = CallingApp.of(exchange);
        if (app.isPresent() && !limiter.tryAcquire(app.get())) {
            return envelope(exchange, ApiError.REQUEST_TOO_FREQUENT.code(), ApiError.REQUEST_TOO_FREQUENT.message());
        }
        return chain.filter(exchange);
    }

    private Mono<Void> display(ServerWebExchange exchange, WebFilterChain chain, String path) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        String app = authorization != null && authorization.startsWith("Bearer ")
                ? creators.grantOf(authorization.substring("Bearer ".length()).trim())
                        .map(CreatorAuthorizations.CreatorGrant::clientKey).orElse(UNKNOWN_APP)
                : UNKNOWN_APP;
        Optional<Fault> fault = faults.take(path, true);
        Mono<Void> answer;
        if (fault.isPresent()) {
            Fault f = fault.get();
            Mono<Void> injected = Mono.defer(() -> f.httpStatus() != null ? bare(exchange, f.httpStatus())
                    : f.error() != null ? displayError(exchange, f.error(), f.message())
                    : displayLimited(exchange, chain, path, app));
            answer = f.delay().isZero() ? injected : Mono.delay(f.delay()).then(injected);
        } else {
            answer = displayLimited(exchange, chain, path, app);
        }
        return answer.doFinally(signal -> counter.record(path, app));
    }

    private Mono<Void> displayLimited(ServerWebExchange exchange, WebFilterChain chain, String path, String app) {
        if (!displayLimiter.tryAcquire(path + " " + app)) {
            return displayError(exchange, "rate_limit_exceeded", null);
        }
        return chain.filter(exchange);
    }

    private Mono<Void> displayError(ServerWebExchange exchange, String error, String message) {
        Map<String, Object> body = Map.of("data", Map.of(), "error", Map.of("code", error,
                "message", message != null ? message : DISPLAY_MESSAGES.getOrDefault(error, error),
                "log_id", UUID.randomUUID().toString().replace("-", "").toUpperCase()));
        return write(exchange.getResponse(), HttpStatusCode.valueOf(Fault.DISPLAY_ERRORS.get(error)),
                MediaType.APPLICATION_JSON, mapper.writeValueAsBytes(body));
    }

    private Mono<Void> envelope(ServerWebExchange exchange, int code, String message) {
        byte[] body = mapper.writeValueAsBytes(Envelope.error(RequestIds.of(exchange), code, message));
        return write(exchange.getResponse(), HttpStatus.OK, MediaType.APPLICATION_JSON, body);
    }

    private static Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, MediaType type, byte[] body) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(type);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
