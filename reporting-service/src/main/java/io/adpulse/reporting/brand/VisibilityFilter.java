package io.adpulse.reporting.brand;

import io.adpulse.reporting.web.Caller;
import io.adpulse.reporting.web.Visibility;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sets the {@link Visibility} of every request: a caller with the CLIENT role sees its client ({@code X-Adpulse-Client})
 * and the advertisers of that client's brands, read from the brand tables now; an unknown client or none sees
 * nothing. Every other caller sees everything.
 */
@Component
class VisibilityFilter implements WebFilter {

    private final BrandRepository repository;

    VisibilityFilter(BrandRepository repository) {
        this.repository = repository;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var headers = exchange.getRequest().getHeaders();
        Caller caller = Caller.of(headers.getFirst(Caller.ACTOR_HEADER), headers.getFirst(Caller.ROLES_HEADER));
        if (!caller.roles().contains(Visibility.CLIENT_ROLE)) {
            return chain.filter(exchange);
        }
        String header = headers.getFirst(Visibility.CLIENT_HEADER);
        String clientId = header == null || header.isBlank() ? null : header.strip();
        Mono<Visibility> visibility = clientId == null ? Mono.just(Visibility.client(null, java.util.List.of()))
                : repository.advertisersOfClient(clientId).collectList().map(ids -> Visibility.client(clientId, ids));
        return visibility.flatMap(v -> chain.filter(exchange).contextWrite(ctx -> ctx.put(Visibility.key(), v)));
    }
}
