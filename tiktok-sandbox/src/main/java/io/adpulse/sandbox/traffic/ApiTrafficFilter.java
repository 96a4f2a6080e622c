package io.adpulse.sandbox.traffic;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.adpulse.sandbox.api.ApiError;
import io.adpulse.sandbox.api.CallingApp;
import io.adpulse.sandbox.api.Envelope;
import io.adpulse.sandbox.api.RequestIds;
import io.adpulse.sandbox.api.TikTokApi;
import io.adpulse.sandbox.oauth.AccessTokens;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs in front of every TikTok API call: works out the calling app (from the {@code Access-Token}, else the
 * {@code app_id} query parameter; handlers refine it from JSON bodies), applies the next injected fault for the
 * path, then the app's rate limit (TikTok answers {@code 40100} in an HTTP 200, without Retry-After), and counts
 * the call once it is answered. Calls whose app cannot be told (no or an unknown token) are not rate limited;
 * TikTok's handlers reject them anyway.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiTrafficFilter implements WebFilter {

    private static final String UNKNOWN_APP = "unknown";

    private final AccessTokens tokens;
    private final AppRateLimiter limiter;
    private final FaultInjector faults;
    private final CallCounter counter;
    private final JsonMapper mapper;

    ApiTrafficFilter(AccessTokens tokens, AppRateLimiter limiter, FaultInjector faults, CallCounter counter,
                     JsonMapper mapper) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.faults = faults;
        this.counter = counter;
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith(TikTokApi.BASE + "/")) {
            return chain.filter(exchange);
        }
        Optional<String> app = tokens.appOf(exchange.getRequest().getHeaders().getFirst(AccessTokens.HEADER))
                .or(() -> Optional.ofNullable(exchange.getRequest().getQueryParams().getFirst("app_id")));
        app.ifPresent(id -> CallingApp.set(exchange, id));
        return answer(exchange, chain, path)
                .doFinally(signal -> counter.record(path, CallingApp.of(exchange).orElse(UNKNOWN_APP)));
    }

    private Mono<Void> answer(ServerWebExchange exchange, WebFilterChain chain, String path) {
        Optional<Fault> fault = faults.take(path);
        if (fault.isPresent()) {
            Mono<Void> injected = Mono.defer(() -> inject(fault.get(), exchange, chain));
            return fault.get().delay().isZero() ? injected : Mono.delay(fault.get().delay()).then(injected);
        }
        return limited(exchange, chain);
    }

    private Mono<Void> inject(Fault fault, ServerWebExchange exchange, WebFilterChain chain) {
        if (fault.httpStatus() != null) {
            HttpStatusCode status = HttpStatusCode.valueOf(fault.httpStatus());
            HttpStatus known = HttpStatus.resolve(fault.httpStatus());
            return write(exchange.getResponse(), status, MediaType.TEXT_PLAIN,
                    (fault.httpStatus() + " " + (known == null ? "Error" : known.getReasonPhrase())).getBytes(StandardCharsets.UTF_8));
        }
        if (fault.code() != null) {
            String message = fault.message() != null ? fault.message() : ApiError.messageFor(fault.code());
            return envelope(exchange, fault.code(), message);
        }
        return limited(exchange, chain);
    }

    private Mono<Void> limited(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> app = CallingApp.of(exchange);
        if (app.isPresent() && !limiter.tryAcquire(app.get())) {
            return envelope(exchange, ApiError.REQUEST_TOO_FREQUENT.code(), ApiError.REQUEST_TOO_FREQUENT.message());
        }
        return chain.filter(exchange);
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
