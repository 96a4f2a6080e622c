package io.adpulse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/** TikTok's transport conventions, and the traffic controls tests use to bend them. */
class TransportTest extends SandboxIntegrationTest {

    private static final String INFO = "/open_api/v1.3/advertiser/info/";

    private String token;
    private String ids;

    @BeforeEach
    void connect() {
        token = sandbox.token();
        ids = EntityApiTest.idsJson(sandbox.advertisers());
    }

    @AfterEach
    void clearFaults() {
        sandbox.web().delete().uri("/sandbox/faults").exchange().expectStatus().isNoContent();
    }

    @Test
    void pathWithoutTrailingSlashIsNotFound() {
        sandbox.web().get().uri(SandboxClient.uri("/open_api/v1.3/advertiser/info", "advertiser_ids", ids))
                .header("Access-Token", token).exchange().expectStatus().isNotFound();
    }

    @Test
    void everyAnswerCarriesTheRequestIdInBodyAndHeader() {
        var result = sandbox.web().get().uri(SandboxClient.uri(INFO, "advertiser_ids", ids)).header("Access-Token", token)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult();

        String requestId = SandboxClient.parse(result.getResponseBody()).get("request_id").asString();
        assertThat(requestId).startsWith("20260318103000");
        assertThat(result.getResponseHeaders().getFirst("X-Tt-Logid")).isEqualTo(requestId);
    }

    @Test
    void missingTokenIs40104AndUnknownTokenIs40105InAnHttp200Envelope() {
        JsonNode missing = sandbox.get("advertiser/info/", null, "advertiser_ids", ids);
        JsonNode unknown = sandbox.get("campaign/get/", "not-a-token", "advertiser_id", "1");
        JsonNode unknownOnReport = sandbox.get("report/integrated/get/", "not-a-token");

        assertThat(missing.get("code").asInt()).isEqualTo(40104);
        assertThat(missing.get("message").asString()).contains("Access-Token");
        assertThat(missing.get("data").isEmpty()).isTrue();
        assertThat(unknown.get("code").asInt()).isEqualTo(40105);
        assertThat(unknownOnReport.get("code").asInt()).isEqualTo(40105);
    }

    @Test
    void injectedCodeIsAnsweredForTheNextCallsOfThatPathOnly() {
        JsonNode fault = inject("""
                {"path":"advertiser/info/","times":2,"code":50000}""");

        JsonNode first = sandbox.get("advertiser/info/", token, "advertiser_ids", ids);
        JsonNode otherPath = sandbox.get("campaign/get/", token, "advertiser_id",
                sandbox.advertisers().get(0).get("advertiser_id").asString());
        JsonNode second = sandbox.get("advertiser/info/", token, "advertiser_ids", ids);
        JsonNode third = sandbox.get("advertiser/info/", token, "advertiser_ids", ids);

        assertThat(fault.get("path").asString()).isEqualTo(INFO);
        assertThat(first.get("code").asInt()).isEqualTo(50000);
        assertThat(first.get("message").asString()).isEqualTo("System error.");
        assertThat(otherPath.get("code").asInt()).isZero();
        assertThat(second.get("code").asInt()).isEqualTo(50000);
        assertThat(third.get("code").asInt()).isZero();
    }

    @Test
    void injectedHttpStatusAndDelayAreApplied() {
        inject("""
                {"path":"%s","http_status":504}""".formatted(INFO));
        inject("""
                {"path":"*","delay_ms":5}""");

        sandbox.web().get().uri(SandboxClient.uri(INFO, "advertiser_ids", ids)).header("Access-Token", token)
                .exchange().expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        JsonNode delayedButAnswered = sandbox.get("advertiser/info/", token, "advertiser_ids", ids);

        assertThat(delayedButAnswered.get("code").asInt()).isZero();
    }

    @Test
    void injectedBrokenBodiesAreMalformedJsonOrTheRealAnswerCutInHalf() {
        inject("""
                {"path":"advertiser/info/","body":"malformed"}""");
        inject("""
                {"path":"advertiser/info/","body":"truncated"}""");

        byte[] malformed = rawInfo();
        byte[] truncated = rawInfo();
        byte[] whole = rawInfo();

        assertThatThrownBy(() -> SandboxClient.parse(utf8(malformed))).isNotNull();
        assertThatThrownBy(() -> SandboxClient.parse(utf8(truncated))).isNotNull();
        assertThat(SandboxClient.parse(utf8(whole)).get("code").asInt()).isZero();
        // the same answer (request ids aside, which differ per call) cut off after half of its bytes
        assertThat(truncated.length).isBetween(whole.length / 2 - 2, whole.length / 2 + 2);
        assertThat(utf8(truncated)).startsWith("{\"code\":0");
    }

    private byte[] rawInfo() {
        return sandbox.web().get().uri(SandboxClient.uri(INFO, "advertiser_ids", ids)).header("Access-Token", token)
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void pendingFaultsAreListedAndClearedOnDelete() {
        inject("""
                {"path":"report/integrated/get/","times":3,"code":40100}""");

        JsonNode pending = sandbox.control("/sandbox/faults");
        sandbox.web().delete().uri("/sandbox/faults").exchange().expectStatus().isNoContent();

        assertThat(pending.get("faults")).hasSize(1);
        assertThat(pending.get("faults").get(0).get("remaining").asInt()).isEqualTo(3);
        assertThat(sandbox.control("/sandbox/faults").get("faults").isEmpty()).isTrue();
        assertThat(sandbox.get("report/integrated/get/", token).get("code").asInt()).isEqualTo(40002);
    }

    @Test
    void invalidFaultIsAProblemDetail() {
        sandbox.web().post().uri("/sandbox/faults").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"path\":\"*\",\"code\":40100,\"http_status\":503}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("either"));
    }

    @Test
    void callsAreCountedPerPathAndAppUntilReset() {
        sandbox.web().delete().uri("/sandbox/calls").exchange().expectStatus().isNoContent();

        sandbox.get("advertiser/info/", token, "advertiser_ids", ids);
        sandbox.get("advertiser/info/", token, "advertiser_ids", ids);
        sandbox.get("advertiser/info/", null, "advertiser_ids", ids);
        sandbox.get("campaign/get/", token, "advertiser_id", "1");

        await().untilAsserted(() -> {
            JsonNode calls = sandbox.control("/sandbox/calls");
            assertThat(calls.get("total").asLong()).isEqualTo(4);
            assertThat(calls.get("by_path").get(INFO).asLong()).isEqualTo(3);
            assertThat(calls.get("by_path").get("/open_api/v1.3/campaign/get/").asLong()).isEqualTo(1);
            assertThat(calls.get("by_app").get(SandboxClient.APP_ID).asLong()).isEqualTo(3);
            assertThat(calls.get("by_app").get("unknown").asLong()).isEqualTo(1);
            assertThat(calls.get("calls").valueStream().map(c -> c.get("path").asString() + " " + c.get("app").asString()
                    + " " + c.get("count").asLong())).contains(INFO + " " + SandboxClient.APP_ID + " 2");
        });
        sandbox.web().delete().uri("/sandbox/calls").exchange().expectStatus().isNoContent();
        assertThat(sandbox.control("/sandbox/calls").get("total").asLong()).isZero();
    }

    private JsonNode inject(String json) {
        String body = sandbox.web().post().uri("/sandbox/faults").contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        return SandboxClient.parse(body);
    }
}
