package io.adpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventCodec;
import io.adpulse.events.Topics;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator changes a campaign's budget through the gateway: the command is previewed (dry run, nothing changes),
 * sent, executed by ingest-service against the sandbox, recorded in the audit log with the budget before and after,
 * and the next entity poll publishes the new budget.
 */
@ExtendWith(SharedStack.class)
class CampaignCommandEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static AdpulseStack stack;

    @BeforeAll
    static void useSharedStack(AdpulseStack shared) throws Exception {
        stack = shared;
        new SandboxConnector(stack.gatewayUrl(), stack.sandboxUrl(), stack.authorization()).connect();
    }

    @Test
    void aBudgetChangeThroughTheGatewayIsAuditedWithBeforeAndAfterAndSeenByTheNextPoll() throws Exception {
        String advertiserId = JSON.readTree(send("GET", URI.create(stack.sandboxUrl() + "/sandbox/advertisers"), null,
                null, null).body()).get(0).get("advertiser_id").asString();
        String connectionId = await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (JsonNode c : getJson("/api/ingest/connections")) {
                if (c.get("advertiserId").asString().equals(advertiserId) && c.get("status").asString().equals("ACTIVE")) {
                    return c.get("id").asString();
                }
            }
            return null;
        }, id -> id != null);
        String name = "E2E budget " + UUID.randomUUID();
        JsonNode created = command(Map.of("kind", "campaign.create", "connectionId", connectionId, "advertiserId",
                advertiserId, "parameters", Map.of("campaignName", name, "objectiveType", "TRAFFIC",
                        "budgetMode", "BUDGET_MODE_DAY", "budget", "100")), false);
        assertThat(created.get("result").get("outcome").asString()).isEqualTo("SUCCEEDED");
        String campaignId = created.get("result").get("entityId").asString();
        Map<String, Object> budgetChange = Map.of("kind", "campaign.update", "connectionId", connectionId,
                "advertiserId", advertiserId, "parameters", Map.of("campaignId", campaignId, "budget", "175.50"));

        JsonNode preview = command(budgetChange, true);
        assertThat(preview.get("result").get("outcome").asString()).isEqualTo("DRY_RUN");
        assertThat(preview.get("result").get("request").get("body").asString()).contains("\"budget\":175.50");
        JsonNode done = command(budgetChange, false);

        JsonNode result = done.get("result");
        assertThat(result.get("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(new BigDecimal(result.get("before").get("budget").asString())).isEqualByComparingTo("100");
        assertThat(new BigDecimal(result.get("after").get("budget").asString())).isEqualByComparingTo("175.50");
        String commandId = done.get("commandId").asString();
        String actor = done.get("actor").asString();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<JsonNode> audited = new ArrayList<>();
            getJson("/api/audit/events?type=adpulse.commands.result.v1&subject=" + enc(connectionId) + "&limit=500")
                    .get("items").forEach(audited::add);
            assertThat(audited).anySatisfy(entry -> {
                JsonNode data = entry.get("payload").get("data");
                assertThat(data.get("commandId").asString()).isEqualTo(commandId);
                assertThat(entry.get("actor").asString()).isEqualTo(actor);
                assertThat(new BigDecimal(data.get("before").get("budget").asString())).isEqualByComparingTo("100");
                assertThat(new BigDecimal(data.get("after").get("budget").asString())).isEqualByComparingTo("175.50");
            });
        });
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(snapshots(advertiserId, campaignId)).anySatisfy(e ->
                        assertThat(e.budget().amount()).isEqualByComparingTo("175.50")));
    }

    /** Submits a command through the gateway and waits for its result at ingest-service. */
    private static JsonNode command(Map<String, Object> body, boolean dryRun) throws Exception {
        HttpResponse<String> accepted = send("POST", URI.create(stack.gatewayUrl() + "/api/commands"
                + (dryRun ? "?dryRun=true" : "")), stack.authorization(), "e2e-" + UUID.randomUUID(),
                JSON.writeValueAsString(body));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> status = send("GET", URI.create(stack.gatewayUrl() + location), stack.authorization(),
                    null, null);
            if (status.statusCode() != 200) {
                return null;
            }
            JsonNode view = JSON.readTree(status.body());
            return view.get("result").isNull() || view.get("result").get("outcome").asString().equals("IN_PROGRESS")
                    ? null : view;
        }, view -> view != null);
    }

    private static List<EntityObserved> snapshots(String advertiserId, String campaignId) {
        EventCodec codec = new EventCodec();
        List<EntityObserved> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENTITIES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            String key = EntityObserved.stateKey(advertiserId, EntityLevel.CAMPAIGN, campaignId);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key()) && r.value() != null) {
                        found.add(codec.decode(r.value(), EntityObserved.class).data());
                    }
                });
            }
        }
        return found;
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = send("GET", URI.create(stack.gatewayUrl() + path), stack.authorization(), null,
                null);
        assertThat(response.statusCode()).as("GET %s → %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, URI uri, String authorization, String key, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
