package io.adpulse.gateway.security;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.adpulse.gateway.config.GatewaySettings;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Request size and rate limits. Each client key (a client address before sign-in, a user name after) gets its own
 * resilience4j {@link RateLimiter}; the least recently seen keys are forgotten beyond {@code tracked-clients}, so
 * a flood of addresses cannot exhaust memory. A refused request gets a problem document: 413 with the limit, or
 * 429 with {@code Retry-After}, and the access log records it as denied.
 */
final class RequestLimits {

    private final GatewaySettings.Limits limits;
    private final Map<String, RateLimiter> perIp;
    private final Map<String, RateLimiter> perUser;
    private final RateLimiterConfig ipConfig;
    private final RateLimiterConfig userConfig;

    RequestLimits(GatewaySettings.Limits limits) {
        this.limits = limits;
        this.perIp = lru(limits.trackedClients());
        this.perUser = lru(limits.trackedClients());
        this.ipConfig = perSecond(limits.perIpPerSecond());
        this.userConfig = perSecond(limits.perUserPerSecond());
    }

    /** Before authentication: the declared body size, and the client address's rate. */
    WebFilter byClientAddress() {
        return (exchange, chain) -> {
            long declared = exchange.getRequest().getHeaders().getContentLength();
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            long max = (SecurityConfig.WEBHOOKS.equals(path) ? limits.maxWebhookSize()
                    : SecurityConfig.MEDIA.equals(path) ? limits.maxMediaSize() : limits.maxRequestSize()).toBytes();
            if (declared > max) {
                return SecurityConfig.problem(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE,
                        "The request body is " + declared + " bytes; at most " + max + " are accepted.", false);
            }
            return admit(exchange, perIp, clientAddress(exchange), ipConfig, "this address")
                    .flatMap(admitted -> admitted ? chain.filter(exchange) : Mono.empty());
        };
    }

    /** After authentication: the signed-in user's rate (anonymous requests were limited by address already). */
    WebFilter byUser() {
        return (exchange, chain) -> exchange.getPrincipal()
                .map(Principal::getName)
                .flatMap(user -> admit(exchange, perUser, user, userConfig, "your account"))
                .defaultIfEmpty(true)
                .flatMap(admitted -> admitted ? chain.filter(exchange) : Mono.empty());
    }

    private Mono<Boolean> admit(ServerWebExchange exchange, Map<String, RateLimiter> limiters, String key,
            RateLimiterConfig config, String who) {
        RateLimiter limiter = limiters.computeIfAbsent(key, k -> RateLimiter.of("client", config));
        if (limiter.acquirePermission()) {
            return Mono.just(true);
        }
        exchange.getResponse().getHeaders().set("Retry-After", "1");
        return SecurityConfig.problem(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from " + who + "; at most " + config.getLimitForPeriod()
                        + " per second are accepted. Retry after a second.", false)
                .thenReturn(false);
    }

    private static RateLimiterConfig perSecond(int permits) {
        return RateLimiterConfig.custom().limitForPeriod(permits).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO).build();
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private static <V> Map<String, V> lru(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        });
    }
}
