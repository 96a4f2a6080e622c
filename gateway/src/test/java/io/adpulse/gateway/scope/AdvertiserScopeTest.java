package io.adpulse.gateway.scope;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.gateway.config.GatewaySettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A client's advertisers from a stand-in reporting-service: reused while fresh, never reused after a failure. */
class AdvertiserScopeTest {

    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean failing;
    private volatile boolean silent;
    private final DisposableServer reporting = HttpServer.create().port(0)
            .handle((request, response) -> {
                calls.incrementAndGet();
                if (failing) {
                    return response.status(503).send();
                }
                if (silent) {
                    return response.header("Content-Type", "application/json").send();
                }
                return response.header("Content-Type", "application/json").sendString(Mono.just("""
                        {"brands":[{"brandId":"b-2","clientId":"acme","advertiserIds":["a-3","a-1"]},
                                   {"brandId":"b-1","clientId":"acme","advertiserIds":["a-2"],"name":"ignored"},
                                   {"brandId":"b-9","clientId":"other","advertiserIds":["x-1"]}]}"""));
            })
            .bindNow();

    @AfterEach
    void stop() {
        reporting.disposeNow();
    }

    @Test
    void answersTheAdvertisersOfTheClientsOwnBrandsSortedAndReusesThemWhileFresh() {
        AdvertiserScope scope = scope(Duration.ofMinutes(5));
        assertThat(scope.advertisersOf("acme").block()).containsExactly("a-1", "a-2", "a-3");
        assertThat(scope.advertisersOf("acme").block()).containsExactly("a-1", "a-2", "a-3");
        assertThat(calls).hasValue(1);
    }

    @Test
    void asksAgainOnceTheAnswerIsStale() {
        AdvertiserScope scope = scope(Duration.ZERO);
        scope.advertisersOf("acme").block();
        scope.advertisersOf("acme").block();
        assertThat(calls).hasValue(2);
    }

    @Test
    void failsClosedAndDoesNotReuseAFailure() {
        AdvertiserScope scope = scope(Duration.ofMinutes(5));
        failing = true;
        assertThat(scope.advertisersOf("acme").block()).isEmpty();
        failing = false;
        assertThat(scope.advertisersOf("acme").block()).containsExactly("a-1", "a-2", "a-3");
        assertThat(calls).hasValue(2);
    }

    @Test
    void failsClosedOnAnAnswerWithoutABody() {
        silent = true;
        assertThat(scope(Duration.ofMinutes(5)).advertisersOf("acme").block()).isEmpty();
    }

    @Test
    void failsClosedWhenNothingAnswers() {
        String uri = "http://localhost:" + reporting.port();
        reporting.disposeNow();
        AdvertiserScope scope = new AdvertiserScope(settings(uri, Duration.ofMinutes(5)));
        assertThat(scope.advertisersOf("acme").block()).isEmpty();
    }

    private AdvertiserScope scope(Duration ttl) {
        return new AdvertiserScope(settings("http://localhost:" + reporting.port(), ttl));
    }

    private static GatewaySettings settings(String uri, Duration ttl) {
        return new GatewaySettings("admin", "pw", false, List.of(),
                new GatewaySettings.Limits(DataSize.ofMegabytes(1), 50, 100, 10000, DataSize.ofKilobytes(64),
                        DataSize.ofMegabytes(512)),
                new GatewaySettings.LocalUsers(true), new GatewaySettings.Oidc("", "adpulse-gateway", "", "roles",
                        "adpulse_client", "preferred_username"), true,
                new GatewaySettings.Scope(uri, ttl, Duration.ofSeconds(2)),
                new GatewaySettings.Privacy("http://localhost:1", "http://localhost:1", "http://localhost:1",
                        "http://localhost:1", Duration.ofSeconds(30)));
    }
}
