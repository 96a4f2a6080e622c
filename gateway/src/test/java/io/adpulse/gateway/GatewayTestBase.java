package io.adpulse.gateway;

import io.adpulse.testsupport.SharedInfrastructure;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The one gateway context of the tests: the gateway in front of a stand-in service that echoes the headers it
 * receives, with a local user of every role. The stand-in also plays reporting-service's brand list for the
 * gateway's own look-up of a client's advertisers: client {@value #ACME} has brands over {@code adv-a1} and
 * {@code adv-a2}; client {@value #BROKEN} makes it fail. ingest-service is down (nothing listens on its port).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
abstract class GatewayTestBase {

    static final String PASSWORD = "test-password";
    static final String ACME = "client-acme";
    static final String BROKEN = "client-broken";

    /** Lives as long as the JVM: the one cached context of every test class routes to it. */
    private static final DisposableServer ECHO = HttpServer.create().port(0)
            .handle((request, response) -> {
                boolean lookup = request.uri().startsWith("/api/reporting/brands?")
                        && "gateway".equals(request.requestHeaders().get("X-Adpulse-Actor"));
                if (lookup && request.uri().contains("clientId=" + BROKEN)) {
                    return response.status(500).sendString(Mono.just("boom"));
                }
                if (lookup) {
                    String brands = request.uri().contains("clientId=" + ACME)
                            ? "{\"brands\":[{\"brandId\":\"b-1\",\"clientId\":\"" + ACME + "\",\"advertiserIds\":[\"adv-a2\"]},"
                                    + "{\"brandId\":\"b-2\",\"clientId\":\"" + ACME + "\",\"advertiserIds\":[\"adv-a1\"]}]}"
                            : "{\"brands\":[]}";
                    return response.header("Content-Type", "application/json").sendString(Mono.just(brands));
                }
                String headers = request.requestHeaders().entries().stream()
                        .map(e -> "\"" + e.getKey().toLowerCase() + "\":\"" + e.getValue().replace("\"", "'") + "\"")
                        .collect(Collectors.joining(",", "{", "}"));
                return response.header("Content-Type", "application/json")
                        .sendString(Mono.just(headers));
            })
            .bindNow();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
        registry.add("adpulse.gateway.admin-password", () -> PASSWORD);
        user(registry, 0, "olivia", "OPERATOR", null);
        user(registry, 1, "aude", "AUDITOR", null);
        user(registry, 2, "oscar", "ONCALL", null);
        user(registry, 3, "clara", "CLIENT", ACME);
        user(registry, 4, "bruno", "CLIENT", BROKEN);
        registry.add("adpulse.gateway.limits.max-request-size", () -> "4KB");
        String echo = "http://localhost:" + ECHO.port();
        for (String service : List.of("AUTH", "REPORTING", "ALERTING", "AUDIT", "IDENTITY")) {
            registry.add("ADPULSE_" + service + "_URI", () -> echo);
        }
        // ingest-service is "down": nothing listens on that port.
        registry.add("ADPULSE_INGEST_URI", () -> "http://localhost:" + closedPort());
    }

    private static void user(DynamicPropertyRegistry registry, int n, String name, String role, String client) {
        String prefix = "adpulse.gateway.users[" + n + "].";
        registry.add(prefix + "username", () -> name);
        registry.add(prefix + "password", () -> PASSWORD);
        registry.add(prefix + "roles[0]", () -> role);
        if (client != null) {
            registry.add(prefix + "client", () -> client);
        }
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
