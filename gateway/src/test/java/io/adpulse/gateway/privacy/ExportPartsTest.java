package io.adpulse.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.gateway.config.GatewaySettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/** Opening the parts of an export against real sockets: a part that cannot be had fails the export, naming it. */
class ExportPartsTest {

    /** The addresses the stand-in was asked, with their queries. */
    private static final java.util.Queue<String> QUERIES = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Every service's stand-in: one row, but reporting-service fails for {@code conn-1}. */
    private static final DisposableServer UP = HttpServer.create().port(0)
            .handle((request, response) -> {
                QUERIES.add(request.uri());
                return request.uri().startsWith("/api/reporting/privacy/exports/conn-1")
                        ? response.status(500).sendString(Mono.just("{}"))
                        : response.header("Content-Type", "application/x-ndjson")
                                .sendString(Mono.just("{\"service\":\"s\",\"table\":\"t\",\"row\":{}}\n"));
            })
            .bindNow();

    @AfterAll
    static void stop() {
        UP.disposeNow();
    }

    private static ExportParts parts(String auth, String ingest, String reporting, String alerting) {
        var settings = new GatewaySettings("admin", "pw", false, List.of(),
                new GatewaySettings.Limits(DataSize.ofMegabytes(1), 50, 100, 10000, DataSize.ofKilobytes(64),
                        DataSize.ofMegabytes(64)),
                new GatewaySettings.LocalUsers(true), new GatewaySettings.Oidc("", "adpulse-gateway", "", "roles",
                        "adpulse_client", "preferred_username"), true,
                new GatewaySettings.Scope("http://localhost:1", Duration.ofSeconds(30), Duration.ofSeconds(2)),
                new GatewaySettings.Privacy(auth, ingest, reporting, alerting, Duration.ofSeconds(5)));
        return new ExportParts(settings);
    }

    private static String up() {
        return "http://localhost:" + UP.port();
    }

    private static String down() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://localhost:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ExportRequest REQUEST = ExportRequest.of("conn-1", List.of("7001"), null);

    @Test
    void aServiceDownAndAServiceFailingFailTheExportWith502NamingBoth() {
        StepVerifier.create(parts(up(), down(), up(), up()).open(REQUEST, "admin", "ADMIN", "c-1"))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ResponseStatusException.class);
                    ResponseStatusException problem = (ResponseStatusException) e;
                    assertThat(problem.getStatusCode().value()).isEqualTo(502);
                    assertThat(problem.getReason()).contains("ingest-service is not answering")
                            .contains("reporting-service answered 500").contains("Nothing was exported")
                            .doesNotContain("auth-service").doesNotContain("localhost");
                })
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void onlyServicesThatDoNotAnswerAre503() {
        StepVerifier.create(parts(up(), down(), down(), up()).open(REQUEST, "admin", "ADMIN", "c-1"))
                .expectErrorSatisfies(e -> {
                    ResponseStatusException problem = (ResponseStatusException) e;
                    assertThat(problem.getStatusCode().value()).isEqualTo(503);
                    assertThat(problem.getReason()).contains("ingest-service is not answering")
                            .contains("reporting-service is not answering");
                })
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void everyPartInServiceOrderWhenAllAnswer() {
        ExportRequest fine = ExportRequest.of("conn-2", List.of("7001", "a b&c"), "open-1");
        StepVerifier.create(parts(up(), up(), up(), up()).open(fine, "admin", "ADMIN", "c-1")
                        .flatMapMany(opened -> reactor.core.publisher.Flux.fromIterable(opened)
                                .concatMap(part -> part.rows().count().map(n -> part.service() + "=" + n))))
                .expectNext("auth-service=1", "ingest-service=1", "reporting-service=1", "alerting-service=1")
                .verifyComplete();
        assertThat(QUERIES).anyMatch(q -> q.startsWith("/api/ingest/privacy/exports/conn-2?accountId=7001"
                + "&accountId=a%20b%26c&openId=open-1"));
    }
}
