package io.adpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that every implemented benchmark still executes and yields its rows, at a volume that takes seconds. No
 * figure is checked against a target here: benchmarks are not timed tests.
 */
class BenchSmokeTest {

    @TempDir
    Path work;

    private BenchConfig tinyConfig() {
        return new BenchConfig(300, Path.of(System.getProperty("bench.services.dir")), work.resolve("BENCHMARKS.md"),
                work, BenchConfig.ALL, 2, Duration.ofSeconds(1), Duration.ZERO, Duration.ofMinutes(3), 5, 2);
    }

    @Test
    void pipelineMeasureAndBothReferencesRunThroughReportingServiceAndYieldRows() throws Exception {
        List<String> notes = new ArrayList<>();

        List<Row> rows = BenchMain.pipeline(tinyConfig(), notes);

        assertThat(rows).hasSize(3).allSatisfy(row -> {
            assertThat(row.measure()).isEqualTo("1 Pipeline throughput");
            assertThat(row.value()).endsWith("/s").doesNotContain("NaN").doesNotContain("Infinity");
            assertThat(row.met()).isNotBlank();
        });
        assertThat(rows.get(1).reference()).startsWith("JDBC batched upsert: ");
        assertThat(rows.get(2).reference()).startsWith("raw Kafka: ");
        assertThat(notes).singleElement().asString().contains("300 MetricObserved events");
    }

    @Test
    void alertMeasureTimesOverspendAlertsFromAlertingServiceAtAWebhookBesideRawKafka() throws Exception {
        List<String> notes = new ArrayList<>();

        List<Row> rows = BenchMain.alerts(tinyConfig(), notes);

        assertThat(rows).hasSize(3).allSatisfy(row -> {
            assertThat(row.measure()).isEqualTo("3 Alert latency");
            assertThat(row.value()).endsWith(" ms").doesNotContain("NaN");
            assertThat(row.reference()).startsWith("raw Kafka produce→consume: ").doesNotContain("NaN");
            assertThat(row.ratio()).endsWith("×");
        });
        assertThat(rows.get(1).figure()).startsWith("p99 ").contains("5 campaigns");
        assertThat(rows.get(1).met()).isNotBlank();
        assertThat(notes).singleElement().asString().contains("5 campaigns").contains("warm-up of 2 other campaigns");
    }

    @Test
    void freshnessMeasureRestatesInTheSandboxAndPollsTheReportingApiUntilItShowsTheNewSpend() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        BigDecimal[] restated = {null};
        long[] restatedAt = {0};
        List<String> bodies = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/sandbox/advertisers", exchange -> respond(exchange, 200,
                "[{\"advertiser_id\":\"adv-1\",\"display_timezone\":\"UTC\",\"currency\":\"USD\"}]"));
        server.createContext("/sandbox/restatements", exchange -> {
            if (exchange.getRequestMethod().equals("DELETE")) {
                respond(exchange, 204, "");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (bodies) {
                bodies.add(body);
                Matcher spend = Pattern.compile("\"spend\":\"([0-9.]+)\"").matcher(body);
                assertThat(spend.find()).isTrue();
                restated[0] = new BigDecimal(spend.group(1));
                restatedAt[0] = System.nanoTime();
            }
            respond(exchange, 200, "{}");
        });
        server.createContext("/api/reporting/campaigns/daily", exchange -> {
            if (!"SESSION=s".equals(exchange.getRequestHeaders().getFirst("Cookie"))) {
                respond(exchange, 401, "");
                return;
            }
            String spend;
            synchronized (bodies) {
                // the restated value shows 150 ms after the restatement, as if ingested by the next poll
                spend = restated[0] != null && System.nanoTime() - restatedAt[0] > 150_000_000L
                        ? restated[0].add(new BigDecimal("0.25")).toPlainString() : "12.34";
            }
            respond(exchange, 200, "{\"rows\":[{\"date\":\"" + today + "\",\"campaignId\":\"c-1\",\"spend\":\""
                    + spend + "\"}]}");
        });
        server.start();
        try {
            String url = "http://localhost:" + server.getAddress().getPort();

            Freshness.Result result = Freshness.measure(url, url, Map.of("Cookie", "SESSION=s"),
                    Duration.ofMillis(200), 3, Duration.ofSeconds(20));

            assertThat(result.sortedNanos()).hasSize(3);
            assertThat(result.sortedNanos()[0]).isGreaterThanOrEqualTo(150_000_000L);
            assertThat(result.campaignId()).isEqualTo("c-1");
            assertThat(bodies).hasSize(3).allSatisfy(body -> assertThat(body)
                    .contains("\"entity_id\":\"c-1\"", "\"date\":\"" + today + "\""));
            List<Row> rows = BenchMain.freshnessRows(result);
            assertThat(rows).hasSize(3).allSatisfy(row -> {
                assertThat(row.measure()).isEqualTo("4 Freshness");
                assertThat(row.reference()).isEqualTo("ingest poll interval: 0.2 s");
            });
            assertThat(rows.get(1).target()).isEqualTo("≤ poll interval + 2 s (2.2 s)");
            assertThat(BenchMain.freshnessNote(result)).contains("3 times");
        } finally {
            server.stop(0);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Test
    void workloadKnowsTheFinalStateItsRestatementsLeave() {
        MetricWorkload workload = MetricWorkload.generate(1000);

        assertThat(workload.size()).isEqualTo(1000);
        assertThat(workload.expectedDailyRows() + workload.expectedHourlyRows()).isEqualTo(900);
        assertThat(workload.events().stream().map(e -> e.data().naturalKey()).distinct().count()).isEqualTo(900);
        assertThat(workload.events()).extracting(e -> e.id()).doesNotHaveDuplicates();
        assertThat(MetricWorkload.generate(1000, 1).events()).extracting(e -> e.data().advertiserId())
                .doesNotContainAnyElementsOf(workload.events().stream().map(e -> e.data().advertiserId()).toList());
    }

    @Test
    void gatewayMeasureLoadsTwoLiveEndpointsAndYieldsRows() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        byte[] body = "{\"advertisers\":[]}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/api/reporting/advertisers", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://localhost:" + server.getAddress().getPort() + BenchMain.ADVERTISERS);
            HttpLoad.Result direct = HttpLoad.run(uri, Map.of(), 2, Duration.ZERO, Duration.ofSeconds(1));
            HttpLoad.Result gateway = HttpLoad.run(uri, Map.of("Authorization", "Basic eDp5"), 2, Duration.ZERO,
                    Duration.ofSeconds(1));

            assertThat(direct.requests()).isPositive();
            assertThat(direct.errors()).isZero();
            assertThat(direct.percentileMillis(99)).isGreaterThanOrEqualTo(direct.percentileMillis(50));
            assertThat(BenchMain.gatewayRows(2, gateway, direct)).hasSize(3)
                    .allSatisfy(row -> assertThat(row.reference()).startsWith("direct: "));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void apiCallsMeasureWaitsForTheGrantSyncAndComparesWithTheUsualSlicing() throws Exception {
        String running = connections("RUNNING");
        String done = connections("SUCCEEDED");
        int[] polls = {0};
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/ingest/connections", exchange -> {
            byte[] body = (polls[0]++ < 2 ? running : done).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/sandbox/advertisers", exchange -> {
            byte[] body = "[{\"advertiser_id\":\"1\"},{\"advertiser_id\":\"2\"}]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/sandbox/calls", exchange -> {
            byte[] body = ("{\"total\":46,\"by_path\":{\"/open_api/v1.3/oauth2/access_token/\":1,"
                    + "\"/open_api/v1.3/oauth2/advertiser/get/\":1,\"/open_api/v1.3/advertiser/info/\":1,"
                    + "\"/open_api/v1.3/report/integrated/get/\":39,\"/v2/video/list/\":4}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://localhost:" + server.getAddress().getPort();

            ApiCallsPerSync.Result result = ApiCallsPerSync.measure(url, url, Duration.ofSeconds(30));

            assertThat(result.adpulseCalls()).isEqualTo(40);
            assertThat(result.ingestCounted()).isEqualTo(2 * 13);
            assertThat(result.advertisers()).isEqualTo(2);
            assertThat(result.usualCalls()).isEqualTo(1 + 2 * (5 + 8 + 2));
            assertThat(BenchMain.apiCallsRows(result)).singleElement()
                    .satisfies(row -> assertThat(row.ratio()).isEqualTo("1.29×"));
        } finally {
            server.stop(0);
        }
    }

    private static String connections(String result) {
        String sync = "{\"runId\":%d,\"reason\":\"GRANT\",\"result\":\"" + result + "\",\"apiCalls\":13,\"error\":null}";
        // the launcher also connects a creator, which never has an API-for-Business sync run
        return "[{\"id\":\"adv-1\",\"advertiserId\":\"1\",\"lastSync\":" + sync.formatted(1) + "},"
                + "{\"id\":\"adv-2\",\"advertiserId\":\"2\",\"lastSync\":" + sync.formatted(2) + "},"
                + "{\"id\":\"creator-3\",\"advertiserId\":\"open-3\",\"lastSync\":null}]";
    }

    @Test
    void apiCallMeasureKeepsAGrantSyncSeenBeforeTheConnectionsFirstScheduledPoll() {
        tools.jackson.databind.ObjectMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        String run = "{\"runId\":%d,\"reason\":\"%s\",\"result\":\"%s\",\"apiCalls\":%d}";
        Map<String, Long> grants = new java.util.LinkedHashMap<>();

        assertThat(ApiCallsPerSync.grantSyncState(json.readTree("[{\"id\":\"a\",\"lastSync\":"
                + run.formatted(1, "GRANT", "SUCCEEDED", 14) + "},{\"id\":\"b\",\"lastSync\":"
                + run.formatted(2, "GRANT", "RUNNING", 3) + "}]"), grants)).isEqualTo("running");
        // a's first scheduled poll starts while b still backfills: a's GRANT run is already counted
        assertThat(ApiCallsPerSync.grantSyncState(json.readTree("[{\"id\":\"a\",\"lastSync\":"
                + run.formatted(3, "SCHEDULE", "RUNNING", 2) + "},{\"id\":\"b\",\"lastSync\":"
                + run.formatted(2, "GRANT", "SUCCEEDED", 13) + "}]"), grants)).isEqualTo("done");
        assertThat(grants).containsExactly(Map.entry("a", 14L), Map.entry("b", 13L));
        // a scheduled poll before any GRANT success was seen cannot be told apart from the first sync
        assertThat(ApiCallsPerSync.grantSyncState(json.readTree("[{\"id\":\"c\",\"lastSync\":"
                + run.formatted(4, "SCHEDULE", "RUNNING", 2) + "}]"), new java.util.HashMap<>())).contains("ran a SCHEDULE");
    }

    @Test
    void footprintMeasureReadsTheResidentMemoryOfAProcessTree() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            Map<String, ProcessTree.Resident> resident = ProcessTree.residentByComponent(ProcessHandle.current(),
                    "bench");

            assertThat(resident).containsKeys("bench", "sleep").allSatisfy((name, memory) -> {
                assertThat(memory.rss()).isPositive();
                assertThat(memory.pss()).isPositive().isLessThanOrEqualTo(memory.rss());
            });
            List<Row> rows = BenchMain.footprintRows(Duration.ofSeconds(42).toNanos(), 41, resident);
            assertThat(rows).extracting(Row::figure).contains("run command → ready stack", "memory bench",
                    "memory sleep", "RSS total (shared pages counted once per process)", "PSS total");
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void recognisesTheLaunchersReadyAndPortsLinesAndNamesServiceJvmsByTheirJar() {
        Matcher m = LocalStack.READY.matcher("18:02:11.120 INFO  i.a.launcher.AdpulseStack - Adpulse stack ready in 37 s");
        Matcher ports = LocalStack.PORTS.matcher("ADPULSE-STACK gateway=40001 reporting=40002 ingest=40003 sandbox=40004 postgres=40005");

        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("37");
        assertThat(ports.find()).isTrue();
        assertThat(ports.group(5)).isEqualTo("40005");
        Matcher poll = LocalStack.POLL_INTERVAL.matcher("java -Xmx512m -jar /x/services/ingest-service.jar "
                + "--adpulse.ingest.poll-interval=PT30S");
        assertThat(poll.find()).isTrue();
        assertThat(LocalStack.duration(poll.group(1))).isEqualTo(Duration.ofSeconds(30));
        assertThat(LocalStack.duration("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(ProcessTree.component("/usr/bin/java -Xmx512m -jar /x/services/gateway.jar")).isEqualTo("gateway");
        assertThat(ProcessTree.component("postgres: checkpointer")).isEqualTo("postgresql");
    }

    @Test
    void reportHoldsTheMachineAndEveryRow() {
        List<Row> rows = List.of(new Row("5 Gateway", "p99 | through", "3.0 ms", "direct: 2.0 ms", "1.50×",
                "≤ 1.3× direct p99", Row.verdict(false)));

        String md = Report.markdown(Machine.current(), Instant.parse("2026-11-25T18:00:00Z"), BenchMain.COMMAND, rows,
                List.of("a note"));

        assertThat(md).contains("| cores | " + Runtime.getRuntime().availableProcessors())
                .contains("| 5 Gateway | p99 \\| through | 3.0 ms | direct: 2.0 ms | 1.50× | ≤ 1.3× direct p99 | **no** |")
                .contains("- a note").contains("2026-11-25T18:00:00Z");
        assertThat(List.of(md.split("\n"))).anyMatch(line -> line.startsWith("| measure | figure | value |"));
    }

    @Test
    void reportShowsWhatThePreviousPageMeasuredForTheSameFigure() {
        Row throughput = new Row("1 Pipeline throughput", "observations/s into aggregates (600,000 observations in 31 s)",
                "19,000 /s", "", "", "≥ 50,000 /s", Row.verdict(false));
        Row ratio = new Row("5 Gateway", "p99 | through", "3.0 ms", "direct: 2.0 ms", "1.50×", "≤ 1.3×",
                Row.verdict(false));
        Row added = new Row("4 Freshness", "p99", "9 s", "", "", "", "");
        String earlier = Report.markdown(Machine.current(), Instant.parse("2026-11-25T18:00:00Z"), BenchMain.COMMAND,
                List.of(new Row("1 Pipeline throughput", "observations/s into aggregates (60,000 observations in 36 s)",
                        "1,672 /s", "", "", "", ""), new Row("5 Gateway", "p99 | through", "9.0 ms", "direct: 3.0 ms",
                        "3.00×", "", "")), List.of());

        String md = Report.markdown(Machine.current(), Instant.parse("2026-11-26T09:00:00Z"), BenchMain.COMMAND,
                List.of(throughput, ratio, added), List.of(), Report.Previous.of(earlier));

        assertThat(md).contains("| previous run (UTC), its figures in the last column | 2026-11-25T18:00:00Z |")
                .contains("| met | previous run: value (ratio) |")
                .contains("| ≥ 50,000 /s | **no** | 1,672 /s |")
                .contains("| 1.50× | ≤ 1.3× | **no** | 9.0 ms (3.00×) |")
                .contains("| 4 Freshness | p99 | 9 s |  |  |  |  |  |");
        assertThat(Report.markdown(Machine.current(), Instant.parse("2026-11-26T09:00:00Z"), BenchMain.COMMAND,
                List.of(added), List.of(), Report.Previous.of("no table here"))).doesNotContain("previous run");
    }
}
