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

    /** The stand-ins' parts of an account's data export: {@code /api/<service>/privacy/exports/<connection>}. */
    private static final java.util.regex.Pattern EXPORT_PART =
            java.util.regex.Pattern.compile("^/api/([a-z]+)/privacy/exports/([^?/]+)");
    /** A connection whose export reporting-service refuses (500). */
    static final String BROKEN_EXPORT = "conn-broken";
    /** A connection whose export ingest-service breaks off after its first row. */
    static final String CUT_EXPORT = "conn-cut";

    /** Lives as long as the JVM: the one cached context of every test class routes to it. */
    private static final DisposableServer ECHO = HttpServer.create().port(0)
            .handle((request, response) -> {
                java.util.regex.Matcher part = EXPORT_PART.matcher(request.uri());
                if (part.find()) {
                    return exportPart(part.group(1), part.group(2), request, response);
                }
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

    /**
     * One stand-in service's export part as NDJSON: two rows of {@code things} (with the identity headers and query it
     * got, and a cell a spreadsheet would run) and one of {@code others}; alerting-service holds nothing. For
     * {@value #BROKEN_EXPORT}, reporting-service answers 500; for {@value #CUT_EXPORT}, ingest-service breaks off
     * after one row.
     */
    private static org.reactivestreams.Publisher<Void> exportPart(String name, String connection,
            reactor.netty.http.server.HttpServerRequest request, reactor.netty.http.server.HttpServerResponse response) {
        if (name.equals("reporting") && connection.equals(BROKEN_EXPORT)) {
            return response.status(500).header("Content-Type", "application/problem+json")
                    .sendString(Mono.just("{\"status\":500,\"detail\":\"database down\"}"));
        }
        if (name.equals("alerting")) {
            return response.header("Content-Type", "application/x-ndjson").send();
        }
        if (name.equals("ingest") && connection.equals(CUT_EXPORT)) {
            return response.header("Content-Type", "application/x-ndjson")
                    .sendString(reactor.core.publisher.Flux.just("{\"service\":\"ingest-service\",\"table\":\"t\",\"row\":{}}\n")
                            .concatWith(reactor.core.publisher.Flux.error(new IllegalStateException("broke off"))));
        }
        String query = request.uri().contains("?") ? request.uri().substring(request.uri().indexOf('?') + 1) : "";
        String service = name + "-service";
        String things = "{\"service\":\"" + service + "\",\"table\":\"things\",\"row\":{\"id\":@ROW@,\"connection\":\""
                + connection + "\",\"actor\":\"" + request.requestHeaders().get("X-Adpulse-Actor") + "\",\"roles\":\""
                + request.requestHeaders().get("X-Adpulse-Roles") + "\",\"query\":\"" + query
                + "\",\"note\":\"=1+2, \\\"quoted\\\"\",\"tags\":[\"a\",\"b\"],\"gone\":null}}\n";
        String others = "{\"service\":\"" + service + "\",\"table\":\"others\",\"row\":{\"n\":1}}\n";
        return response.header("Content-Type", "application/x-ndjson")
                .sendString(reactor.core.publisher.Flux.just(things.replace("@ROW@", "1"), things.replace("@ROW@", "2"), others));
    }

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
        // ingest-service is "down": nothing listens on that port. Its part of the data export is a stand-in.
        registry.add("ADPULSE_INGEST_URI", () -> "http://localhost:" + closedPort());
        registry.add("adpulse.gateway.privacy.ingest-uri", () -> echo);
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
