package io.adpulse.gateway.access;

import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every failure the gateway itself meets into an RFC 9457 problem that says what happened in plain words and
 * never shows a stack trace, a class name or an internal address: a service that does not answer is a 503 naming
 * the service, a service too slow a 504, an unknown path a 404. Runs before Spring Boot's default handler.
 */
@Component
@Order(-2)
class GatewayErrors implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        String service = service(exchange);
        HttpStatusCode status;
        String detail;
        if (causedBy(failure, ConnectException.class) || causedBy(failure, ConnectTimeoutException.class)) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = "The " + service + " service is not answering right now; try again in a moment.";
        } else if (causedBy(failure, TimeoutException.class)
                || failure instanceof ResponseStatusException r && r.getStatusCode().value() == 504) {
            status = HttpStatus.GATEWAY_TIMEOUT;
            detail = "The " + service + " service took too long to answer; try again in a moment.";
        } else if (failure instanceof ResponseStatusException r) {
            status = r.getStatusCode();
            detail = status.value() == 404 ? "There is nothing at " + exchange.getRequest().getPath().value() + "."
                    : r.getReason() == null ? "The request could not be handled." : r.getReason();
        } else {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = "Something went wrong in the gateway; the correlation id helps find it in the logs.";
        }
        if (status.is5xxServerError()) {
            log.warn("{} {} failed with {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    status.value(), failure.toString());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        HttpStatus known = HttpStatus.resolve(status.value());
        body.put("title", known == null ? "Error" : known.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        Object correlationId = exchange.getAttribute(AccessAttributes.CORRELATION_ID);
        if (correlationId != null) {
            body.put("correlationId", correlationId);
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(JSON.writeValueAsBytes(body))));
    }

    private static String service(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? "requested" : route.getId();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
