package io.adpulse.gateway.access;

import io.adpulse.events.AccessRecorded;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Records every request, allowed or denied, as an {@link AccessRecorded} event: who (or "anonymous"),
 * which route, the decision and why, the status. It runs outside the security chain so denials are
 * seen too; the principal is captured by a second, inner filter because the security chain hands the
 * authenticated principal only to the exchanges downstream of it. Query strings are not recorded: they
 * may carry OAuth codes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessLogFilter implements WebFilter {

    private static final String PRINCIPAL = AccessLogFilter.class.getName() + ".principal";
    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private final AccessLogPublisher publisher;
    private final Clock clock;

    AccessLogFilter(AccessLogPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String inbound = exchange.getRequest().getHeaders().getFirst("X-Correlation-Id");
        String correlationId = inbound != null && SAFE_CORRELATION_ID.matcher(inbound).matches() ? inbound
                : UUID.randomUUID().toString();
        exchange.getAttributes().put(AccessAttributes.CORRELATION_ID, correlationId);
        exchange.getResponse().getHeaders().set("X-Correlation-Id", correlationId);
        return chain.filter(exchange).doFinally(signal -> {
            if (!isAnsweredProbe(exchange)) {
                publisher.publish(record(exchange, correlationId));
            }
        });
    }

    /**
     * Health probes and metric scrapes that were answered normally come every few seconds from the platform and
     * would drown the access log; anything else on those paths (an error, a refusal) is still recorded.
     */
    private static boolean isAnsweredProbe(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        boolean probe = path.startsWith("/actuator/health") || path.equals("/actuator/prometheus");
        return probe && (status == null || status.is2xxSuccessful());
    }

    /** Captures the authenticated principal for the outer filter; registered inside the security chain. */
    public static WebFilter principalCapture() {
        return (exchange, chain) -> exchange.getPrincipal()
                .doOnNext(p -> exchange.getAttributes().put(PRINCIPAL, p))
                .then(chain.filter(exchange));
    }

    private AccessRecorded record(ServerWebExchange exchange, String correlationId) {
        Principal principal = exchange.getAttribute(PRINCIPAL);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        int code = status == null ? 200 : status.value();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        AccessRecorded.Decision decision = code == 401 || code == 403 || code == 413 || code == 429
                ? AccessRecorded.Decision.DENIED : AccessRecorded.Decision.ALLOWED;
        return new AccessRecorded(correlationId, principal == null ? "anonymous" : principal.getName(),
                roles(principal), exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(),
                route == null ? null : route.getId(), decision, reason(code, principal), code,
                clientIp(exchange), clock.instant());
    }

    private static List<String> roles(Principal principal) {
        if (principal instanceof Authentication auth) {
            return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).toList();
        }
        return List.of();
    }

    private static String reason(int status, Principal principal) {
        return switch (status) {
            case 401 -> "not authenticated";
            case 403 -> principal == null ? "forbidden (csrf or missing credentials)" : "forbidden for role";
            case 413 -> "request too large";
            case 429 -> "rate limited";
            default -> principal == null ? "public path" : "authenticated";
        };
    }

    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }
}
