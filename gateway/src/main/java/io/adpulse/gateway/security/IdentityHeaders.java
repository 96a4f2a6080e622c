package io.adpulse.gateway.security;

import io.adpulse.gateway.access.AccessAttributes;
import io.adpulse.gateway.scope.AdvertiserScope;
import io.adpulse.gateway.scope.ClientScope;
import java.util.List;
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
 * can claim an identity; the signed-in operator's name and roles and the correlation id are added. A CLIENT user
 * also gets its client ({@code X-Adpulse-Client}, absent when none is known) and that client's advertiser ids
 * ({@code X-Adpulse-Advertisers}, comma separated, always present and empty when none are known or they could not
 * be resolved), which every service uses to narrow what it answers. The caller's own {@code Authorization} header
 * and session cookie stay at the gateway.
 */
@Component
class IdentityHeaders implements GlobalFilter, Ordered {

    static final String ACTOR = "X-Adpulse-Actor";
    static final String ROLES = "X-Adpulse-Roles";
    static final String CORRELATION = "X-Correlation-Id";
    static final String CLIENT = "X-Adpulse-Client";
    static final String ADVERTISERS = "X-Adpulse-Advertisers";

    private final ClientScope clients;
    private final AdvertiserScope advertisers;

    IdentityHeaders(ClientScope clients, AdvertiserScope advertisers) {
        this.clients = clients;
        this.advertisers = advertisers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .cast(Authentication.class)
                .flatMap(auth -> scope(auth).map(scope -> withIdentity(exchange, auth, scope)))
                .defaultIfEmpty(withIdentity(exchange, null, null))
                .flatMap(chain::filter);
    }

    /** A CLIENT user's client and advertisers; {@link Scope#NONE} for every other user. */
    private Mono<Scope> scope(Authentication auth) {
        if (!ClientScope.isClient(auth)) {
            return Mono.just(Scope.NONE);
        }
        return clients.clientOf(auth)
                .map(client -> advertisers.advertisersOf(client).defaultIfEmpty(List.of())
                        .map(ids -> new Scope(client, ids)))
                .orElseGet(() -> Mono.just(new Scope(null, List.of())));
    }

    /** What a CLIENT user may see: its client ({@code null} when unknown) and advertiser ids. */
    private record Scope(String client, List<String> advertiserIds) {
        static final Scope NONE = new Scope(null, null);
    }

    private static ServerWebExchange withIdentity(ServerWebExchange exchange, Authentication auth, Scope scope) {
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
                if (scope != null && scope.advertiserIds() != null) {
                    if (scope.client() != null) {
                        h.set(CLIENT, scope.client());
                    }
                    h.set(ADVERTISERS, String.join(",", scope.advertiserIds()));
                }
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
