package io.adpulse.gateway.security;

import io.adpulse.gateway.access.AccessAttributes;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tells the services who is calling. Any {@code X-Adpulse-*} header a client sent is removed, so nobody
 * can claim an identity; the signed-in operator's name and roles and the correlation id are added. The
 * caller's own {@code Authorization} header and session cookie stay at the gateway.
 */
@Component
class IdentityHeaders implements GlobalFilter, Ordered {

    static final String ACTOR = "X-Adpulse-Actor";
    static final String ROLES = "X-Adpulse-Roles";
    static final String CORRELATION = "X-Correlation-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .cast(Authentication.class)
                .map(auth -> withIdentity(exchange, auth))
                .defaultIfEmpty(withIdentity(exchange, null))
                .flatMap(chain::filter);
    }

    private static ServerWebExchange withIdentity(ServerWebExchange exchange, Authentication auth) {
        String correlationId = exchange.getAttribute(AccessAttributes.CORRELATION_ID);
        return exchange.mutate().request(r -> r.headers(h -> {
            h.headerNames().stream().filter(name -> name.toLowerCase(Locale.ROOT).startsWith("x-adpulse-"))
                    .toList().forEach(h::remove);
            h.remove(HttpHeaders.AUTHORIZATION);
            h.remove(HttpHeaders.COOKIE);
            if (auth != null) {
                h.set(ACTOR, auth.getName());
                h.set(ROLES, auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).collect(Collectors.joining(",")));
            }
            if (correlationId != null) {
                h.set(CORRELATION, correlationId);
            }
        })).build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
