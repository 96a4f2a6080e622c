package io.adpulse.audit.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Who may read the audit log, checked here as well as at the gateway: a caller whose {@code X-Adpulse-Roles} (set by
 * the gateway, which strips any inbound {@code X-Adpulse-*} header) names CLIENT is refused outright, whatever else
 * it holds, and so is a caller whose roles name neither ADMIN nor AUDITOR. A request without the header is an
 * internal call (the conventions' {@code system} actor) and passes. Refusals are 403 problems; every endpoint of
 * the service is covered, present and future.
 */
@Component
class AuditReaders implements WebFilter {

    static final String ROLES_HEADER = "X-Adpulse-Roles";
    private static final Set<String> READERS = Set.of("ADMIN", "AUDITOR");
    private static final String CLIENT = "CLIENT";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String header = exchange.getRequest().getHeaders().getFirst(ROLES_HEADER);
        if (!exchange.getRequest().getPath().value().startsWith("/api/") || header == null) {
            return chain.filter(exchange);
        }
        Set<String> roles = Arrays.stream(header.split(",")).map(String::strip)
                .map(r -> r.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        if (roles.contains(CLIENT)) {
            return refuse(exchange, "The audit log is not open to the CLIENT role.");
        }
        if (roles.stream().noneMatch(READERS::contains)) {
            return refuse(exchange, "The audit log needs the ADMIN or AUDITOR role.");
        }
        return chain.filter(exchange);
    }

    /** A 403 problem; {@code detail} is a constant, never caller input. */
    private static Mono<Void> refuse(ServerWebExchange exchange, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"" + detail
                + "\",\"instance\":\"" + exchange.getRequest().getPath().value().replaceAll("[^A-Za-z0-9/_.-]", "")
                + "\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
