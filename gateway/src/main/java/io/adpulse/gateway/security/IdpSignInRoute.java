package io.adpulse.gateway.security;

import java.util.List;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Browsers reach the embedded identity provider's sign-in pages and OIDC endpoints through the gateway, under
 * {@code /idp} (route {@value #ROUTE_ID}), so nothing but the gateway is exposed. {@link IdentityHeaders} keeps the
 * caller's cookies and {@code Authorization} at the gateway for every route; the provider needs its own session
 * cookie ({@value #IDP_COOKIE}) and, at its token and userinfo endpoints, the client's {@code Authorization}. This
 * remembers both before the gateway's filters run and puts back exactly those, for that route only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdpSignInRoute implements WebFilter {

    /** The route id in application.yml. */
    static final String ROUTE_ID = "identity-sign-in";
    /** Where browsers see the provider. */
    static final String PREFIX = "/idp/";
    /** identity-service's session cookie. */
    static final String IDP_COOKIE = "ADPULSE_IDP_SESSION";
    private static final String SAVED_COOKIE = IdpSignInRoute.class.getName() + ".cookie";
    private static final String SAVED_AUTHORIZATION = IdpSignInRoute.class.getName() + ".authorization";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith(PREFIX)) {
            HttpCookie cookie = exchange.getRequest().getCookies().getFirst(IDP_COOKIE);
            if (cookie != null) {
                exchange.getAttributes().put(SAVED_COOKIE, cookie.getName() + "=" + cookie.getValue());
            }
            String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (authorization != null) {
                exchange.getAttributes().put(SAVED_AUTHORIZATION, authorization);
            }
        }
        return chain.filter(exchange);
    }

    /** Runs right after {@link IdentityHeaders}; restores the provider's cookie and the client's credentials. */
    @Component
    static class Restore implements GlobalFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            if (route == null || !ROUTE_ID.equals(route.getId())) {
                return chain.filter(exchange);
            }
            String cookie = exchange.getAttribute(SAVED_COOKIE);
            String authorization = exchange.getAttribute(SAVED_AUTHORIZATION);
            return chain.filter(exchange.mutate().request(r -> r.headers(h -> {
                if (cookie != null) {
                    h.put(HttpHeaders.COOKIE, List.of(cookie));
                }
                if (authorization != null) {
                    h.put(HttpHeaders.AUTHORIZATION, List.of(authorization));
                }
            })).build());
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 1;
        }
    }
}
