package io.adpulse.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import io.adpulse.gateway.config.GatewaySettings;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

class RequestLimitsTest {

    private final RequestLimits limits = new RequestLimits(
            new GatewaySettings.Limits(DataSize.ofKilobytes(1), 2, 3, 100, DataSize.ofBytes(512),
                    DataSize.ofKilobytes(4)));

    @Test
    void refusesAnAddressBeyondItsRateWithRetryAfterAndKeepsOtherAddressesServed() {
        AtomicInteger passed = new AtomicInteger();
        WebFilter filter = limits.byClientAddress();
        MockServerWebExchange refused = null;
        for (int i = 0; i < 4; i++) {
            MockServerWebExchange exchange = from("203.0.113.7");
            filter.filter(exchange, e -> Mono.fromRunnable(passed::incrementAndGet)).block();
            refused = exchange;
        }

        assertThat(passed).hasValue(3);
        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");

        MockServerWebExchange other = from("198.51.100.1");
        filter.filter(other, e -> Mono.fromRunnable(passed::incrementAndGet)).block();
        assertThat(passed).hasValue(4);
    }

    @Test
    void refusesADeclaredBodyAboveTheLimit() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/alerting/x")
                .remoteAddress(new InetSocketAddress("192.0.2.1", 1234)).contentLength(2048).body("x"));
        AtomicInteger passed = new AtomicInteger();

        limits.byClientAddress().filter(exchange, e -> Mono.fromRunnable(passed::incrementAndGet)).block();

        assertThat(passed).hasValue(0);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void refusesAWebhookAboveTheSmallerWebhookLimit() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/webhooks/tiktok")
                .remoteAddress(new InetSocketAddress("192.0.2.2", 1234)).contentLength(600).body("x"));
        AtomicInteger passed = new AtomicInteger();

        limits.byClientAddress().filter(exchange, e -> Mono.fromRunnable(passed::incrementAndGet)).block();

        assertThat(passed).hasValue(0);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void letsAnonymousRequestsPassTheUserLimit() {
        AtomicInteger passed = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            limits.byUser().filter(from("192.0.2.9"), e -> Mono.fromRunnable(passed::incrementAndGet)).block();
        }
        assertThat(passed).hasValue(5);
    }

    private static MockServerWebExchange from(String address) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/reporting/advertisers")
                .remoteAddress(new InetSocketAddress(address, 40000)));
    }
}
