package io.adpulse.gateway.security;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A query parameter holding a NUL character is refused with a 400 problem (no service stores one; PostgreSQL would
 * fail the query). Content-negotiation headers that do not parse are handled once at the edge so that no service
 * answers them with a bare or non-problem error. An {@code Accept} header that is not a list of media types is ignored, as RFC 9110
 * §12.5.1 allows, so the request is answered as if it had none (a problem document when it fails). A
 * {@code Content-Type} that is not a media type is refused with a 415 problem before anything reads the body.
 * Runs before Spring Security, so anonymous requests get the same treatment.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HeaderHygiene implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (hasNul(exchange.getRequest().getQueryParams())) {
            return SecurityConfig.problem(exchange.getResponse(), HttpStatus.BAD_REQUEST,
                    "The query contains a NUL character (%00), which no parameter may hold.", false);
        }
        HttpHeaders headers = exchange.getRequest().getHeaders();
        List<String> contentType = headers.get(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.stream().allMatch(HeaderHygiene::isMediaType)) {
            return SecurityConfig.problem(exchange.getResponse(), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type header is not a media type (such as application/json).", false);
        }
        List<String> accept = headers.get(HttpHeaders.ACCEPT);
        if (accept == null || accept.stream().allMatch(HeaderHygiene::isMediaTypeList)) {
            return chain.filter(exchange);
        }
        ServerHttpRequest withoutAccept = exchange.getRequest().mutate()
                .headers(h -> h.remove(HttpHeaders.ACCEPT)).build();
        return chain.filter(exchange.mutate().request(withoutAccept).build());
    }

    /** PostgreSQL text cannot hold NUL: a parameter with one would reach a service's query as a 500. */
    private static boolean hasNul(MultiValueMap<String, String> query) {
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0
                    || parameter.getValue().stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMediaType(String value) {
        try {
            MediaType.parseMediaType(value);
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean isMediaTypeList(String value) {
        try {
            MediaType.parseMediaTypes(value);
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /**
     * Requests Spring Security's firewall refuses (encoded slashes, dots or semicolons in the path, control
     * characters in a header, an unknown method) get a 400 problem with the reason instead of an empty 400.
     */
    @Component
    static class FirewallRefusals implements ServerExchangeRejectedHandler {

        @Override
        public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException refusal) {
            return SecurityConfig.problem(exchange.getResponse(), HttpStatus.BAD_REQUEST,
                    "The request was refused before it reached Adpulse: its path, method or headers contain something"
                            + " that is not allowed (such as an encoded slash, dot or semicolon, or a control"
                            + " character).", false);
        }
    }
}
