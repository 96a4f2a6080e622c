package io.adpulse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.CommandRequested;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import io.adpulse.events.TransitCipher;
import io.adpulse.testsupport.SharedInfrastructure;
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
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /api/commands}: who may issue writes, the Idempotency-Key contract, the shape checks, and what is
 * published on {@code tiktok.commands.v1}.
 */
class CommandsApiTest extends GatewayTestBase {

    private static final EventCodec CODEC = new EventCodec();
    private static final String BUDGET = """
            {"kind":"campaign.update","connectionId":"conn-adv-1","advertiserId":"adv-1",
             "parameters":{"campaignId":"1801","budget":250.5}}""";

    @Test
    void clientOncallAndAuditorUsersCannotIssueWrites() {
        for (String user : List.of("clara", "oscar", "aude")) {
            post(user, key(), BUDGET).expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("Your role does not allow this request.");
        }
    }

    @Test
    void anOperatorsCommandIsPublishedKeyedByConnectionAndAnsweredWithItsStatusLocation() {
        String key = key();

        post("olivia", key, BUDGET).expectStatus().isAccepted()
                .expectHeader().location("/api/ingest/commands/" + key)
                .expectBody()
                .jsonPath("$.commandId").isEqualTo(key)
                .jsonPath("$.status").isEqualTo("ACCEPTED")
                .jsonPath("$.dryRun").isEqualTo(false);

        List<EventEnvelope<CommandRequested>> published = published(key);
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.subject()).isEqualTo("conn-adv-1");
            CommandRequested command = event.data();
            assertThat(command.kind()).isEqualTo("campaign.update");
            assertThat(command.actor()).isEqualTo("olivia");
            assertThat(command.advertiserId()).isEqualTo("adv-1");
            assertThat(command.dryRun()).isFalse();
            assertThat(command.parameters()).containsEntry("campaignId", "1801").containsEntry("budget", "250.5");
            assertThat(command.fingerprint()).matches("[0-9a-f]{64}");
        });
    }

    @Test
    void theSameKeyWithTheSameCommandAnswersTheSameAndPublishesOnce() {
        String key = key();
        byte[] first = post("olivia", key, BUDGET).expectStatus().isAccepted().expectBody().returnResult()
                .getResponseBody();

        byte[] again = post("olivia", key, BUDGET).expectStatus().isAccepted()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().returnResult().getResponseBody();

        assertThat(again).isEqualTo(first);
        assertThat(published(key)).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherCommandIsRefused() {
        String key = key();
        post("olivia", key, BUDGET).expectStatus().isAccepted();

        post("olivia", key, BUDGET.replace("250.5", "300")).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("already used"));
        post("admin", key, BUDGET).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(published(key)).hasSize(1);
    }

    @Test
    void aDryRunIsPublishedAsOne() {
        String key = key();
        web.post().uri("/api/commands?dryRun=true").headers(h -> h.setBasicAuth("olivia", PASSWORD))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(BUDGET)
                .exchange().expectStatus().isAccepted().expectBody().jsonPath("$.dryRun").isEqualTo(true);

        assertThat(published(key)).singleElement().satisfies(e -> assertThat(e.data().dryRun()).isTrue());
    }

    @Test
    void refusesCommandsWithoutAKeyOrOfTheWrongShapeWithTheReason() {
        Map<String, String> reasons = Map.of(
                "not json", "not JSON",
                "[1]", "must be a JSON object",
                "{\"connectionId\":\"c\",\"advertiserId\":\"a\",\"parameters\":{}}", "kind is required",
                "{\"kind\":\"Campaign Update\",\"connectionId\":\"c\",\"advertiserId\":\"a\",\"parameters\":{}}",
                "kind must be",
                "{\"kind\":\"campaign.update\",\"advertiserId\":\"a\",\"parameters\":{}}", "connectionId is required",
                "{\"kind\":\"campaign.update\",\"connectionId\":\"c\",\"advertiserId\":\"a\",\"parameters\":[]}",
                "parameters must be a JSON object",
                "{\"kind\":\"campaign.update\",\"connectionId\":\"c\",\"advertiserId\":\"a\",\"parameters\":{},"
                        + "\"dryRun\":\"yes\"}", "dryRun must be",
                "{\"kind\":\"campaign.update\",\"connectionId\":\"c\",\"advertiserId\":\"a\",\"parameters\":{},"
                        + "\"budget\":1}", "unknown field(s) budget");
        reasons.forEach((body, reason) -> post("olivia", key(), body).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).as(body).contains(reason)));

        web.post().uri("/api/commands").headers(h -> h.setBasicAuth("olivia", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(BUDGET)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("Idempotency-Key"));
        post("olivia", "short", BUDGET).expectStatus().isBadRequest();
    }

    @Test
    void sparkAdsCommandsAreCheckedBeforeTheyArePublished() {
        String prefix = "{\"connectionId\":\"conn-adv-1\",\"advertiserId\":\"adv-1\",";
        Map<String, String> reasons = Map.of(
                prefix + "\"kind\":\"spark.authorize\",\"parameters\":{}}", "parameters.authCode is required",
                prefix + "\"kind\":\"spark.authorize\",\"parameters\":{\"authCode\":\"not a code\"}}",
                "must be a Spark Ads code",
                prefix + "\"kind\":\"spark.authorize\",\"parameters\":{\"authCode\":12345678}}",
                "must be a Spark Ads code",
                prefix + "\"kind\":\"spark.authorize\",\"parameters\":{\"authCode\":\"#abcdefgh12\",\"itemId\":\"1\"}}",
                "unknown parameter(s) itemId",
                prefix + "\"kind\":\"ad.create\",\"parameters\":{\"adgroupId\":\"1\",\"tiktokItemId\":\"7001\","
                        + "\"identityId\":\"69\"}}", "identityType of a Spark ad must be one of AUTH_CODE",
                prefix + "\"kind\":\"ad.create\",\"parameters\":{\"adgroupId\":\"1\",\"tiktokItemId\":\"7001\","
                        + "\"identityType\":\"AUTH_CODE\"}}", "identityId of a Spark ad is required",
                prefix + "\"kind\":\"ad.create\",\"parameters\":{\"adgroupId\":\"1\",\"tiktokItemId\":\"post-1\","
                        + "\"identityType\":\"AUTH_CODE\",\"identityId\":\"69\"}}", "tiktokItemId must be",
                prefix + "\"kind\":\"ad.create\",\"parameters\":{\"adgroupId\":\"1\",\"tiktokItemId\":\"7001\","
                        + "\"identityType\":\"AUTH_CODE\",\"identityId\":\"69\",\"videoId\":\"v1\"}}",
                "must be left out of a Spark ad",
                prefix + "\"kind\":\"ad.create\",\"parameters\":{\"adgroupId\":\"1\",\"identityType\":\"AUTH_CODE\"}}",
                "need parameters.tiktokItemId");
        reasons.forEach((body, reason) -> {
            String key = key();
            post("olivia", key, body).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).as(body).contains(reason));
            assertThat(published(key)).as(body).isEmpty();
        });

        String key = key();
        post("olivia", key, prefix + "\"kind\":\"spark.authorize\",\"parameters\":{\"authCode\":"
                + "\"#Bj+rfU9/UqL=QK\"}}").expectStatus().isAccepted();
        post("olivia", key(), prefix + "\"kind\":\"ad.create\",\"parameters\":{\"adgroupId\":\"1\",\"adName\":"
                + "\"Spark\",\"adFormat\":\"SINGLE_VIDEO\",\"tiktokItemId\":\"7001\",\"identityType\":\"AUTH_CODE\","
                + "\"identityId\":\"69\"}}").expectStatus().isAccepted();
        assertThat(published(key)).singleElement().satisfies(e -> {
            var sealed = CommandRequested.SealedParameter.of(e.data().parameters().get("authCode")).orElseThrow();
            assertThat(sealed.endsWith()).isEqualTo("L=QK");
            assertThat(sealed.sealed().ciphertext()).doesNotContain("Bj+rfU9");
            assertThat(TransitCipher.parse("dev-transit-1:ZGV2LXRyYW5zaXQta2V5LTAxMjM0NTY3ODlhYmNkZWY=")
                    .open(sealed.sealed(), key, "authCode", "command")).as("sealed for this command id")
                    .isEqualTo("#Bj+rfU9/UqL=QK");
        });
    }

    private WebTestClient.ResponseSpec post(String user, String key, String body) {
        return web.post().uri("/api/commands").headers(h -> h.setBasicAuth(user, PASSWORD))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static String key() {
        return "cmd-" + UUID.randomUUID();
    }

    /** Every command with this id on the topic. The gateway answers only once the broker has the record. */
    private static List<EventEnvelope<CommandRequested>> published(String commandId) {
        List<EventEnvelope<CommandRequested>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "gateway-test-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMMANDS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    EventEnvelope<CommandRequested> event = CODEC.decode(r.value(), CommandRequested.class);
                    if (event.data().commandId().equals(commandId)) {
                        found.add(event);
                    }
                });
            }
        }
        return found;
    }
}
