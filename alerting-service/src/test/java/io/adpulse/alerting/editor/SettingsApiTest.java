package io.adpulse.alerting.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.AlertingServiceTest;
import io.adpulse.alerting.notify.routing.Routing;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/alerting/config}: reading with masked secrets, admin-only edits, validation, versions and effect. */
class SettingsApiTest extends AlertingServiceTest {

    @Autowired
    WebTestClient web;

    @Autowired
    Routing routing;

    private SettingsClient settings;
    private ObjectNode original;

    @BeforeEach
    void readTheSettingsInEffect() {
        settings = new SettingsClient(web);
        original = settings.read();
    }

    @AfterEach
    void putTheSettingsBack() {
        if (!settings.read().get("version").equals(original.get("version"))) {
            settings.restore(original);
        }
    }

    @Test
    void showsTheSettingsOfTheConfigurationWithEverySecretMasked() {
        String body = web.get().uri(SettingsClient.PATH).header("X-Adpulse-Roles", "ONCALL").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).doesNotContain("smtp-secret-0123", "wrong-password-4567", "pd-routing-key-0123456789abcdef",
                "/slack/T000/B000/XXXX", "/team", "/flaky");
        JsonNode document = SettingsClient.parse(body);
        assertThat(document.at("/rules/daily-budget-pacing/tolerance").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(document.at("/rules/roas-below-target/min-spend").decimalValue()).isEqualByComparingTo("50");
        assertThat(document.at("/routes/receiver").stringValue()).isEqualTo("blackhole");
        assertThat(overrideFor(document, "roas-7001").at("/rules/roas-below-target/target").decimalValue())
                .isEqualByComparingTo("2.0");
        JsonNode mail = receiver(document, "team-mail").at("/email/0");
        assertThat(mail.get("password").stringValue()).isEqualTo("******");
        assertThat(mail.get("host").stringValue()).isEqualTo("127.0.0.1");
        assertThat(receiver(document, "pager").at("/pagerduty/0/routing-key").stringValue()).isEqualTo("******");
        assertThat(receiver(document, "pager-slack").at("/slack/0/url").stringValue())
                .matches("http://127\\.0\\.0\\.1:\\d+/\\*{6}");
        assertThat(receiver(document, "pager-slack").at("/slack/0/channel").stringValue()).isEqualTo("#oncall");
    }

    @Test
    void onlyAdminsEditAndClientsDoNotRead() {
        ObjectNode edit = original.deepCopy();
        settings.put(edit, "OPERATOR,ONCALL", "mallory").expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ADMIN"));
        web.get().uri(SettingsClient.PATH).header("X-Adpulse-Roles", "CLIENT").exchange()
                .expectStatus().isForbidden();
        web.get().uri(SettingsClient.PATH).exchange().expectStatus().isForbidden();

        assertThat(settings.read().get("version")).isEqualTo(original.get("version"));
    }

    @Test
    void refusesABodyThatIsNotJsonWithoutQuotingItAndNonAdminsBeforeReadingIt() {
        String broken = "{\"version\": 0, \"receivers\": [{\"name\": \"x\", \"webhooks\": [{\"url\": https://hooks"
                + ".example/T0/secret-token-42}]}]}";
        web.put().uri(SettingsClient.PATH).header("X-Adpulse-Roles", "ADMIN").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(broken).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field").isEqualTo("the document")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("is not JSON (at line 1")
                        .doesNotContain("secret-token-42"));
        web.put().uri(SettingsClient.PATH).header("X-Adpulse-Roles", "OPERATOR").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(broken).exchange()
                .expectStatus().isForbidden();
        assertThat(settings.read()).isEqualTo(original);
    }

    static Stream<Arguments> invalidEdits() {
        return Stream.of(
                edit("rules.no-such-rule", "is not a rule whose settings can be edited",
                        d -> ((ObjectNode) d.get("rules")).putObject("no-such-rule").put("target", 1)),
                edit("rules.daily-budget-pacing.tolerance", "must be greater than 0 and at most 1, was 1.5",
                        d -> ((ObjectNode) d.at("/rules/daily-budget-pacing")).put("tolerance", 1.5)),
                edit("rules.spend-anomaly.history-days", "must be a whole number",
                        d -> ((ObjectNode) d.at("/rules/spend-anomaly")).put("history-days", 2.5)),
                edit("rules.spend-anomaly.threshold", "has more than 20 digits",
                        d -> ((ObjectNode) d.at("/rules/spend-anomaly")).put("threshold",
                                new java.math.BigDecimal("1E+999999999"))),
                edit("rules.roas-below-target.min-spend", "must be a number",
                        d -> ((ObjectNode) d.at("/rules/roas-below-target")).put("min-spend", "lots")),
                edit("rules.cpa-above-target.min-spend", "is required",
                        d -> ((ObjectNode) d.at("/rules/cpa-above-target")).remove("min-spend")),
                edit("overrides[0].rules.roas-below-target.goal", "is not a parameter of roas-below-target",
                        d -> ((ArrayNode) d.get("overrides")).insertObject(0).put("level", "campaign").put("id", "c-1")
                                .putObject("rules").putObject("roas-below-target").put("goal", 2)),
                edit("overrides[0].level", "must be advertiser, brand or campaign",
                        d -> ((ArrayNode) d.get("overrides")).insertObject(0).put("level", "team").put("id", "t-1")),
                edit("overrides[0].advertiser-ids", "a brand override must list the brand's advertisers",
                        d -> ((ArrayNode) d.get("overrides")).insertObject(0).put("level", "brand").put("id", "acme")
                                .putObject("rules").putObject("roas-below-target").put("target", 2)),
                edit("routes.routes[0].matchers[0]", "is not a valid regular expression",
                        d -> ((ArrayNode) d.at("/routes/routes/0/matchers")).removeAll().add("advertiser_id=~\"(unclosed\"")),
                edit("routes.routes[1].receiver", "no receiver is named 'nobody'",
                        d -> ((ObjectNode) d.at("/routes/routes/1")).put("receiver", "nobody")),
                edit("routes.receiver", "the root route must name a receiver",
                        d -> ((ObjectNode) d.get("routes")).putNull("receiver")),
                edit("routes.receiver", "must not be empty",
                        d -> ((ObjectNode) d.get("routes")).put("receiver", " ")),
                edit("routes.routes[0].group-wait", "is not a duration",
                        d -> ((ObjectNode) d.at("/routes/routes/0")).put("group-wait", "soon")),
                edit("receivers[1].webhooks[0].url", "must be an absolute http or https URL",
                        d -> ((ObjectNode) d.at("/receivers/1/webhooks/0")).put("url", "ftp://files.example.com/x")),
                edit("receivers[4].email[0].to", "is not a comma-separated list of e-mail addresses",
                        d -> ((ObjectNode) d.at("/receivers/4/email/0")).put("to", "oncall@@example")),
                edit("receivers[1].webhooks[0].url", "is a masked secret",
                        d -> ((ObjectNode) d.at("/receivers/1/webhooks/0")).put("url", "http://elsewhere.example/******")),
                edit("receivers[1].name", "is used twice",
                        d -> ((ObjectNode) d.at("/receivers/0")).put("name", "team-webhook")),
                edit("inhibit-rules[2].source-matchers", "at least one matcher is needed",
                        d -> ((ArrayNode) d.get("inhibit-rules")).addObject().putArray("target-matchers")
                                .add("alertname=\"x\"")),
                edit("groups", "is not a known field",
                        d -> d.putObject("groups")));
    }

    private static Arguments edit(String field, String reason, Consumer<ObjectNode> change) {
        return Arguments.of(field, reason, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEdits")
    void refusesAnInvalidEditWithAProblemNamingTheFieldAndChangesNothing(String field, String reason,
            Consumer<ObjectNode> change) {
        ObjectNode edit = original.deepCopy();
        // one valid change along with the invalid one: it must not take effect either
        ((ObjectNode) edit.at("/rules/daily-budget-pacing")).put("min-spend", 77);
        change.accept(edit);

        settings.put(edit, "ADMIN", "alice").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field").isEqualTo(field)
                .jsonPath("$.reason").value(r -> assertThat((String) r).contains(reason))
                .jsonPath("$.detail").value(d -> assertThat((String) d).startsWith(field + ": ")
                        .doesNotContain("ftp://files.example.com/x"));

        ObjectNode after = settings.read();
        assertThat(after).isEqualTo(original);
    }

    @Test
    void storesAnEditAsTheNextVersionWithWhoAndWhatChangedAndItTakesEffectAtOnce() {
        long base = original.get("version").asLong();
        ObjectNode edit = original.deepCopy();
        ((ArrayNode) edit.at("/routes/routes")).addObject().put("receiver", "team-webhook").put("group-wait", "10s")
                .putArray("matchers").add("advertiser_id=\"editor-route-7001\"");
        ((ArrayNode) edit.get("overrides")).addObject().put("level", "brand").put("id", "acme")
                .putArray("advertiser-ids").add("editor-7001").add("editor-7002");
        ((ObjectNode) ((ArrayNode) edit.get("overrides")).get(((ArrayNode) edit.get("overrides")).size() - 1))
                .putObject("rules").putObject("daily-budget-pacing").put("tolerance", 0.1);
        ((ObjectNode) edit.at("/rules/cpa-above-target")).put("min-spend", new java.math.BigDecimal("123456789012.123456"));

        settings.put(edit, "ADMIN", "alice").expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).as("amounts keep every digit")
                        .contains("\"min-spend\":123456789012.123456"));
        web.get().uri(SettingsClient.PATH).header("X-Adpulse-Roles", "ADMIN").exchange()
                .expectBody()
                .jsonPath("$.version").isEqualTo(base + 1)
                .jsonPath("$['changed-by']").isEqualTo("alice")
                .jsonPath("$['changed-at']").isEqualTo(NOW.toString());

        Routing.Compiled now = routing.now();
        assertThat(now.version()).isEqualTo(base + 1);
        assertThat(now.tree().route(Map.of("advertiser_id", "editor-route-7001", "alertname", "x", "severity",
                "warning"))).extracting(node -> node.receiver()).containsExactly("team-webhook");
        assertThat(now.receivers().get("team-mail").orElseThrow().email().get(0).password())
                .as("a masked secret sent back keeps the secret").isEqualTo("smtp-secret-0123");
        assertThat(now.receivers().get("pager").orElseThrow().pagerduty().get(0).routingKey())
                .isEqualTo("pd-routing-key-0123456789abcdef");

        String history = web.get().uri(SettingsClient.PATH + "/history?limit=1").header("X-Adpulse-Roles", "AUDITOR")
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(history).doesNotContain("smtp-secret-0123", "pd-routing-key-0123456789abcdef");
        JsonNode change = SettingsClient.parse(history).get(0);
        assertThat(change.get("version").asLong()).isEqualTo(base + 1);
        assertThat(change.get("changed-by").stringValue()).isEqualTo("alice");
        assertThat(change.at("/before/routes/routes").size()).isEqualTo(original.at("/routes/routes").size());
        assertThat(change.at("/after/routes/routes").size()).isEqualTo(original.at("/routes/routes").size() + 1);
        assertThat(overrideFor(change.get("after"), "acme").at("/advertiser-ids/1").stringValue())
                .isEqualTo("editor-7002");

        settings.put(edit, "ADMIN", "bob").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                        .contains("changed since version " + base));
    }

    private static JsonNode receiver(JsonNode document, String name) {
        for (JsonNode receiver : document.get("receivers")) {
            if (receiver.get("name").stringValue().equals(name)) {
                return receiver;
            }
        }
        throw new AssertionError("no receiver " + name);
    }

    private static JsonNode overrideFor(JsonNode document, String id) {
        for (JsonNode override : document.get("overrides")) {
            if (override.get("id").stringValue().equals(id)) {
                return override;
            }
        }
        throw new AssertionError("no override for " + id);
    }
}
