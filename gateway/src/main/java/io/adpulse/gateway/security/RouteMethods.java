package io.adpulse.gateway.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refuses, at the gateway, a method that the routed service has no endpoint for (route metadata {@code methods},
 * e.g. {@code GET,POST}): a 405 problem with {@code Allow}, without forwarding. A service answering 405 itself does
 * so before reading the body and then closes the connection, so a request body still on its way made the answer
 * arrive as a reset connection and the caller saw a 500 (found by the fuzzing pass: a PUT with a JSON body to the
 * read-only audit API). HEAD and OPTIONS stay allowed wherever GET is.
 */
@Component
class RouteMethods implements GlobalFilter, Ordered {

    static final String METADATA_KEY = "methods";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object declared = route == null ? null : route.getMetadata().get(METADATA_KEY);
        if (declared == null) {
            return chain.filter(exchange);
        }
        Set<String> allowed = allowed(declared.toString());
        HttpMethod method = exchange.getRequest().getMethod();
        if (allowed.contains(method.name())) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, String.join(", ", allowed));
        return SecurityConfig.problem(exchange.getResponse(), HttpStatus.METHOD_NOT_ALLOWED,
                "The " + route.getId() + " API has no " + method.name() + " operations; it accepts "
                        + String.join(", ", allowed) + ".", false);
    }

    static Set<String> allowed(String declared) {
        Set<String> allowed = Arrays.stream(declared.split(","))
                .map(m -> m.trim().toUpperCase(Locale.ROOT))
                .filter(m -> !m.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        return allowed;
    }

    @Override
    public int getOrder() {
        // Before any routing filter sends the request on.
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
