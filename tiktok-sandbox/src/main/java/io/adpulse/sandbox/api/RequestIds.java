package io.adpulse.sandbox.api;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every {@code /open_api/} request TikTok's request id: a timestamp followed by hex, unique per sandbox
 * (a counter) and across sandboxes (random bits). It is echoed in the body's {@code request_id} and in the
 * {@code X-Tt-Logid} header, which is what clients quote to TikTok support.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds implements WebFilter {

    /** The response header carrying the request id. */
    public static final String LOG_ID_HEADER = "X-Tt-Logid";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Clock clock;
    private final AtomicLong counter = new AtomicLong();

    RequestIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith(TikTokApi.BASE + "/")) {
            String id = STAMP.format(LocalDateTime.now(clock.withZone(ZoneOffset.UTC)))
                    + String.format("%06X", counter.incrementAndGet() & 0xFFFFFF)
                    + HexFormat.of().withUpperCase().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
            exchange.getAttributes().put(ATTRIBUTE, id);
            exchange.getResponse().getHeaders().set(LOG_ID_HEADER, id);
        }
        return chain.filter(exchange);
    }

    /** The request id of this exchange. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(ATTRIBUTE, "");
    }
}
