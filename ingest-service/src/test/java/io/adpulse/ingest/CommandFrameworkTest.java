package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.CommandRequested;
import io.adpulse.events.CommandResult;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The command framework without TikTok answering writes: Adpulse's own checks (kind, parameters, connection), dry
 * runs, redelivery, reused ids, bad records and the read API.
 */
class CommandFrameworkTest extends IngestServiceTestBase {

    @Test
    void aDryRunAnswersTheExactRequestWithoutTheToken() {
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()));
        String connectionId = grantAndAwaitBackfill(advertiser);
        CommandRequested command = command(connectionId, advertiser.id, "campaign.update", true,
                Map.of("campaignId", "1801", "budget", "250.50"));

        submit(command);

        CommandResult result = awaitResult(command.commandId());
        assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.DRY_RUN);
        assertThat(result.request().method()).isEqualTo("POST");
        assertThat(result.request().url()).isEqualTo(TIKTOK.baseUrl() + "/campaign/update/");
        assertThat(result.request().body()).isEqualTo("{\"advertiser_id\":\"" + advertiser.id
                + "\",\"campaign_id\":\"1801\",\"budget\":250.50}");
        assertThat(result.entityId()).isEqualTo("1801");
        assertThat(result.before()).isNull();
        assertThat(result.tiktokCode()).isNull();
        assertThat(new String(TopicReader.readAll(Topics.COMMAND_RESULTS).stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(command.commandId()))
                .findFirst().orElseThrow().value(), StandardCharsets.UTF_8)).doesNotContain(advertiser.token);
    }

    @Test
    void commandsAdpulseCannotRunAreRejectedWithTheReason() {
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()));
        String connectionId = grantAndAwaitBackfill(advertiser);
        Map<CommandRequested, String> reasons = new LinkedHashMap<>();
        reasons.put(command(connectionId, advertiser.id, "campaign.rename", false, Map.of()),
                "unknown command kind 'campaign.rename'");
        reasons.put(command(connectionId, advertiser.id, "campaign.update", false,
                Map.of("campaignId", "1801", "budget", "-5")), "parameter 'budget' must be greater than zero");
        reasons.put(command(connectionId, advertiser.id, "campaign.update", false, Map.of("campaignId", "1801")),
                "nothing to change");
        reasons.put(command(connectionId, advertiser.id, "campaign.status.update", false,
                Map.of("campaignIds", List.of("1801"), "operationStatus", "PAUSE")),
                "parameter 'operationStatus' must be one of DELETE, DISABLE, ENABLE");
        reasons.put(command(connectionId, advertiser.id, "campaign.update", false,
                Map.of("campaignId", "1801", "budget", "10", "bid", "1")), "unknown parameter(s) bid");
        reasons.put(command("conn-nobody-" + UUID.randomUUID(), advertiser.id, "campaign.update", false,
                Map.of("campaignId", "1801", "budget", "10")), "unknown connection");
        reasons.put(command(connectionId, uniqueAdvertiserId(), "campaign.update", false,
                Map.of("campaignId", "1801", "budget", "10")), "is not the connection of advertiser");

        reasons.keySet().forEach(this::submit);

        reasons.forEach((command, reason) -> {
            CommandResult result = awaitResult(command.commandId());
            assertThat(result.outcome()).as(command.kind()).isEqualTo(CommandResult.Outcome.REJECTED);
            assertThat(result.reason()).as(command.kind()).contains(reason);
            assertThat(result.request()).isNull();
        });
    }

    @Test
    void aRedeliveredCommandRepublishesItsRecordedResultAndAReusedIdIsIgnored() {
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()));
        String connectionId = grantAndAwaitBackfill(advertiser);
        CommandRequested command = command(connectionId, advertiser.id, "campaign.update", true,
                Map.of("campaignId", "1801", "budget", "99"));
        submit(command);
        awaitResult(command.commandId());

        submit(command);
        CommandRequested reused = new CommandRequested(command.commandId(), command.kind(), connectionId,
                advertiser.id, "mallory", true, Map.of("campaignId", "1801", "budget", "1"), "f".repeat(64),
                NOW);
        submit(reused);
        CommandRequested sentinel = command(connectionId, advertiser.id, "campaign.update", true,
                Map.of("campaignId", "1801", "budget", "98"));
        submit(sentinel);
        awaitResult(sentinel.commandId());

        List<EventEnvelope<CommandResult>> results = results(command.commandId());
        assertThat(results).hasSize(2);
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(results.get(0).data().request().body()).contains("\"budget\":99");
        web.get().uri("/api/ingest/commands/{id}", command.commandId()).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.actor").isEqualTo("olivia")
                .jsonPath("$.fingerprint").isEqualTo(command.fingerprint())
                .jsonPath("$.state").isEqualTo("DONE")
                .jsonPath("$.result.outcome").isEqualTo("DRY_RUN");
    }

    @Test
    void theApiListsCommandsNewestFirstAndHidesOtherAdvertisersFromClients() {
        FakeTikTok.Advertiser advertiser = withOneCampaign(kiritimatiAdvertiser(uniqueToken()));
        String connectionId = grantAndAwaitBackfill(advertiser);
        CommandRequested first = command(connectionId, advertiser.id, "campaign.update", true,
                Map.of("campaignId", "1801", "budget", "11"));
        CommandRequested second = command(connectionId, advertiser.id, "campaign.update", true,
                Map.of("campaignId", "1801", "budget", "12"));
        submit(first);
        awaitResult(first.commandId());
        submit(second);
        awaitResult(second.commandId());

        web.get().uri("/api/ingest/commands?connectionId={c}", connectionId).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].commandId").isEqualTo(second.commandId())
                .jsonPath("$[1].commandId").isEqualTo(first.commandId());
        web.get().uri("/api/ingest/commands/{id}", first.commandId()).header("X-Adpulse-Roles", "CLIENT")
                .header("X-Adpulse-Advertisers", "someone-else").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        web.get().uri("/api/ingest/commands/{id}", first.commandId()).header("X-Adpulse-Roles", "CLIENT")
                .header("X-Adpulse-Advertisers", advertiser.id).exchange().expectStatus().isOk();
        web.get().uri("/api/ingest/commands?connectionId={c}", connectionId).header("X-Adpulse-Roles", "CLIENT")
                .header("X-Adpulse-Advertisers", "someone-else").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        web.get().uri("/api/ingest/commands?limit=0").exchange().expectStatus().isBadRequest();
        web.get().uri("/api/ingest/commands/kinds").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$").value(kinds -> assertThat(kinds.toString()).contains("campaign.update",
                        "campaign.status.update", "adgroup.update", "adgroup.status.update", "ad.status.update",
                        "campaign.create", "adgroup.create", "ad.create"));
    }

    @Test
    void aRecordThatIsNotACommandIsDeadLettered() {
        String key = "command-garbage-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(Topics.COMMANDS, key, "{}".getBytes(StandardCharsets.UTF_8))).join();

        eventually().untilAsserted(() -> assertThat(TopicReader.readAll(Topics.deadLetter(Topics.COMMANDS))
                .stream().map(ConsumerRecord::key)).contains(key));
    }

    static CommandRequested command(String connectionId, String advertiserId, String kind, boolean dryRun,
            Map<String, Object> parameters) {
        return new CommandRequested("cmd-" + UUID.randomUUID(), kind, connectionId, advertiserId, "olivia", dryRun,
                parameters, UUID.randomUUID().toString().replace("-", "") + "0".repeat(32), NOW);
    }

    static List<EventEnvelope<CommandResult>> results(String commandId) {
        return read(Topics.COMMAND_RESULTS, CommandResult.class, e -> e.data().commandId().equals(commandId));
    }

    static CommandResult awaitResult(String commandId) {
        eventually().until(() -> results(commandId).stream().anyMatch(e -> e.data().outcome().isFinal()));
        return results(commandId).stream().filter(e -> e.data().outcome().isFinal()).findFirst().orElseThrow().data();
    }
}
