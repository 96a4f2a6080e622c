package io.adpulse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.CommandRequested;
import io.adpulse.events.CommandResult;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.EventSamples;
import io.adpulse.events.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Writes to TikTok are in the chain: who asked, what exactly was sent, and the entity before and after. */
class CommandAuditTest extends AuditServiceTest {

    @Test
    void recordsCommandRequestsAndResultsWithTheActorAndTheEntityBeforeAndAfter() {
        String actor = TestEvents.unique("operator");
        CommandRequested asked = EventSamples.commandRequested().data();
        CommandRequested request = new CommandRequested(TestEvents.unique("cmd"), asked.kind(), asked.connectionId(),
                asked.advertiserId(), actor, false, asked.parameters(), asked.fingerprint(), asked.requestedAt());
        CommandResult sample = EventSamples.commandResult().data();
        CommandResult result = new CommandResult(request.commandId(), sample.kind(), sample.connectionId(),
                sample.advertiserId(), actor, false, sample.outcome(), null, null, sample.request(), sample.before(),
                sample.after(), sample.entityId(), sample.tiktokCode(), sample.tiktokMessage(),
                sample.tiktokRequestId(), sample.completedAt());

        kafka.publish(EventEnvelope.of("/adpulse/gateway", request.connectionId(), request.requestedAt(), request,
                request.commandId()));
        kafka.publish(EventEnvelope.of("/adpulse/ingest-service", result.connectionId(), result.completedAt(), result,
                result.commandId(), result.outcome()));
        kafka.awaitConsumed(Topics.COMMANDS, Topics.COMMAND_RESULTS);

        List<JsonNode> entries = new AuditApi(web).all(b -> b.queryParam("actor", actor).queryParam("order", "asc"));
        assertThat(entries).extracting(e -> e.get("topic").asString())
                .containsExactly(Topics.COMMANDS, Topics.COMMAND_RESULTS);
        assertThat(entries).allSatisfy(e -> assertThat(e.get("valid").asBoolean()).isTrue());
        JsonNode recorded = entries.get(1).get("payload").get("data");
        assertThat(recorded.get("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(recorded.get("before").get("budget").asString()).isEqualTo("150.50");
        assertThat(recorded.get("after").get("budget").asString()).isEqualTo("250.00");
        assertThat(recorded.get("request").get("url").asString()).endsWith("/campaign/update/");
    }
}
