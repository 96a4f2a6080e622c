package io.adpulse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.events.AccessRecorded;
import io.adpulse.events.EventCodec;
import io.adpulse.events.Topics;
import io.adpulse.testsupport.SharedInfrastructure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The single data export of an account through the gateway ({@code /api/privacy/exports}), against the stand-in
 * services of {@link GatewayTestBase}: one JSON document or a zip of CSV files gathering every service's part, for
 * admins only, failing with a problem that names the service that could not give its part, and on the access log.
 */
class PrivacyExportTest extends GatewayTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SERVICES = List.of("auth-service", "ingest-service", "reporting-service",
            "alerting-service");

    private byte[] download(String uri, String user, String correlationId) {
        return web.get().uri(uri).headers(h -> h.setBasicAuth(user, PASSWORD)).header("X-Correlation-Id", correlationId)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, d -> assertThat(d).startsWith("attachment;"))
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    @Test
    void anAdminDownloadsEveryServicesPartAsOneJsonDocument() {
        String correlationId = "export-" + UUID.randomUUID();
        JsonNode export = JSON.readTree(download("/api/privacy/exports/conn-7001?accountId=7001&accountId=7002",
                "admin", correlationId));

        assertThat(export.get("connectionId").asString()).isEqualTo("conn-7001");
        assertThat(export.get("accountIds").values()).extracting(JsonNode::asString).containsExactly("7001", "7002");
        assertThat(export.get("exportedBy").asString()).isEqualTo("admin");
        assertThat(export.get("services").values()).extracting(JsonNode::asString).containsExactlyElementsOf(SERVICES);
        List<JsonNode> rows = new ArrayList<>(export.get("rows").values());
        assertThat(rows).extracting(r -> r.get("service").asString() + "/" + r.get("table").asString())
                .containsExactly("auth-service/things", "auth-service/things", "auth-service/others",
                        "ingest-service/things", "ingest-service/things", "ingest-service/others",
                        "reporting-service/things", "reporting-service/things", "reporting-service/others");
        JsonNode first = rows.get(0).get("row");
        assertThat(first.get("actor").asString()).as("the caller's identity reaches each service").isEqualTo("admin");
        assertThat(first.get("roles").asString()).isEqualTo("ADMIN");
        assertThat(first.get("query").asString()).isEqualTo("accountId=7001&accountId=7002");
        assertThat(first.get("note").asString()).isEqualTo("=1+2, \"quoted\"");

        AccessRecorded access = accessRecord(correlationId);
        assertThat(access.actor()).isEqualTo("admin");
        assertThat(access.path()).isEqualTo("/api/privacy/exports/conn-7001");
        assertThat(access.decision()).isEqualTo(AccessRecorded.Decision.ALLOWED);
        assertThat(access.status()).isEqualTo(200);
    }

    @Test
    void anAdminDownloadsAZipWithOneCsvFilePerServiceAndTable() throws IOException {
        byte[] zip = download("/api/privacy/exports/conn-7003?accountId=7003&format=zip", "admin", "zip-" + UUID.randomUUID());

        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files.keySet()).containsExactly("auth-service/things.csv", "auth-service/others.csv",
                "ingest-service/things.csv", "ingest-service/others.csv", "reporting-service/things.csv",
                "reporting-service/others.csv", "export.json");
        String[] lines = files.get("ingest-service/things.csv").split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("id,connection,actor,roles,query,note,tags,gone");
        assertThat(lines[1]).isEqualTo("1,conn-7003,admin,ADMIN,accountId=7003,\"'=1+2, \"\"quoted\"\"\","
                + "\"[\"\"a\"\",\"\"b\"\"]\",");
        assertThat(files.get("reporting-service/others.csv")).isEqualTo("n\r\n1\r\n");
        JsonNode manifest = JSON.readTree(files.get("export.json"));
        assertThat(manifest.get("connectionId").asString()).isEqualTo("conn-7003");
        assertThat(manifest.get("services").values()).extracting(JsonNode::asString).containsExactlyElementsOf(SERVICES);
        assertThat(manifest.at("/files/auth-service~1things.csv").asLong()).isEqualTo(2);
        assertThat(manifest.get("files").size()).isEqualTo(6);
    }

    @Test
    void aServiceThatCannotGiveItsPartFailsTheWholeExportNamingIt() {
        web.get().uri("/api/privacy/exports/" + BROKEN_EXPORT + "?format=zip").headers(h -> h.setBasicAuth("admin", PASSWORD))
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").value(d -> assertThat((String) d)
                        .contains("reporting-service answered 500").contains("Nothing was exported")
                        .doesNotContain("auth-service").doesNotContain("localhost"));
    }

    @Test
    void aServiceThatBreaksOffAfterTheDownloadStartedCutsTheDownloadInsteadOfCompletingIt() {
        Flux<byte[]> body = web.get().uri("/api/privacy/exports/" + CUT_EXPORT)
                .headers(h -> h.setBasicAuth("admin", PASSWORD)).exchange()
                .expectStatus().isOk()
                .returnResult(byte[].class).getResponseBody();
        StringBuilder text = new StringBuilder();
        Throwable failure = null;
        try {
            body.doOnNext(b -> text.append(new String(b, StandardCharsets.UTF_8))).blockLast(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(text.toString()).as("the download had started").startsWith("{\"connectionId\":\"" + CUT_EXPORT + "\"");
        boolean parses;
        try {
            JSON.readTree(text.toString());
            parses = true;
        } catch (RuntimeException e) {
            parses = false;
        }
        assertThat(failure != null || !parses).as("a broken-off export must not arrive as a complete document: "
                + text).isTrue();
        assertThat(parses).as("the document is never closed: " + text).isFalse();
    }

    @Test
    void onlyAdminsExportAndBadInputIsA400() {
        for (String user : List.of("olivia", "oscar", "aude", "clara")) {
            web.get().uri("/api/privacy/exports/conn-1").headers(h -> h.setBasicAuth(user, PASSWORD)).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.get().uri("/api/privacy/exports/conn-1").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/privacy/exports/conn-1?format=xml").headers(h -> h.setBasicAuth("admin", PASSWORD))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("format must be json or zip");
        web.get().uri("/api/privacy/exports/conn-1?accountId=" + "9".repeat(300))
                .headers(h -> h.setBasicAuth("admin", PASSWORD)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("1 to 256"));
    }

    private static AccessRecorded accessRecord(String correlationId) {
        EventCodec codec = new EventCodec();
        List<AccessRecorded> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "gateway-export-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.AUDIT_ACCESS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    AccessRecorded a = codec.decode(r.value(), AccessRecorded.class).data();
                    if (a.correlationId().equals(correlationId)) {
                        found.add(a);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }
}
