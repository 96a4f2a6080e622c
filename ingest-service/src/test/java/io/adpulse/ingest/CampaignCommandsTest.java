package io.adpulse.ingest;

import static io.adpulse.ingest.CommandFrameworkTest.awaitResult;
import static io.adpulse.ingest.CommandFrameworkTest.command;
import static io.adpulse.ingest.CommandFrameworkTest.results;
import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.CommandRequested;
import io.adpulse.events.CommandResult;
import io.adpulse.events.EntityLevel;
import io.adpulse.events.EntityObserved;
import io.adpulse.events.EventEnvelope;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Campaign management end to end against TikTok's sandbox (run in-process behind the fake, {@link SandboxTikTok}): a
 * command goes in on {@code tiktok.commands.v1}, the sandbox is written, the result comes out on
 * {@code tiktok.command-results.v1} with before and after, and the next entity poll publishes the change.
 */
class CampaignCommandsTest extends IngestServiceTestBase {

    private static String advertiserId;
    private static String connectionId;
    private static String token;

    @BeforeEach
    void connectTheSandboxAdvertiser() {
        connectSandboxAdvertiser(this);
    }

    /**
     * The suite's one connection of the sandbox's advertiser (made on first use, once it synced): its advertiser id,
     * connection id and access token, shared by the command tests.
     */
    static synchronized String[] connectSandboxAdvertiser(IngestServiceTestBase test) {
        if (connectionId == null) {
            SandboxTikTok sandbox = SandboxTikTok.shared();
            advertiserId = sandbox.advertiserId();
            String id = "conn-sandbox-" + advertiserId;
            token = sandbox.token(advertiserId);
            test.grant(id, advertiserId, Tokens.sealWithDevKey(token, id));
            eventually().until(() -> test.overview(id).lastSync() != null
                    && test.overview(id).lastSync().result() == io.adpulse.ingest.sync.SyncResult.SUCCEEDED);
            connectionId = id;
        }
        return new String[] {advertiserId, connectionId, token};
    }

    @Test
    void aBudgetChangeIsExecutedOnceEvenWhenDeliveredTwiceRecordedWithBeforeAndAfterAndSeenByTheNextPoll() {
        EntityObserved campaign = newCampaign();
        BigDecimal before = campaign.budget().amount();
        BigDecimal after = before.add(new BigDecimal("17.25"));
        CommandRequested command = command(connectionId, advertiserId, "campaign.update", false,
                Map.of("campaignId", campaign.entityId(), "budget", after.toPlainString()));

        submit(command);
        submit(command);

        CommandResult result = awaitResult(command.commandId());
        eventually().until(() -> results(command.commandId()).size() == 2);
        List<EventEnvelope<CommandResult>> both = results(command.commandId());
        assertThat(both.get(1)).isEqualTo(both.get(0));
        assertThat(TIKTOK.forwardedWrites()).filteredOn(w -> w.startsWith("/campaign/update/")
                && w.contains(campaign.entityId())).hasSize(1);
        assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.SUCCEEDED);
        assertThat(result.tiktokCode()).isZero();
        assertThat(result.tiktokRequestId()).isNotBlank();
        assertThat(result.entityId()).isEqualTo(campaign.entityId());
        assertThat(new BigDecimal((String) result.before().get("budget"))).isEqualByComparingTo(before);
        assertThat(new BigDecimal((String) result.after().get("budget"))).isEqualByComparingTo(after);
        assertThat(result.request().body()).isEqualTo("{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_id\":\""
                + campaign.entityId() + "\",\"budget\":" + after.toPlainString() + "}");
        eventually().untilAsserted(() -> assertThat(campaignSnapshots(campaign.entityId()))
                .anySatisfy(seen -> assertThat(seen.budget().amount()).isEqualByComparingTo(after)));
    }

    @Test
    void theSandboxsValidationErrorsComeBackAsFailedResultsWithTikToksReason() {
        EntityObserved campaign = newCampaign();
        CommandRequested tooSmall = command(connectionId, advertiserId, "campaign.update", false,
                Map.of("campaignId", campaign.entityId(), "budget", "1"));
        CommandRequested unknown = command(connectionId, advertiserId, "campaign.status.update", false,
                Map.of("campaignIds", List.of("1234567890123456789"), "operationStatus", "DISABLE"));
        CommandRequested incomplete = command(connectionId, advertiserId, "adgroup.create", false, Map.of(
                "campaignId", campaign.entityId(), "adgroupName", "Too cheap", "budgetMode", "BUDGET_MODE_DAY",
                "budget", "5", "billingEvent", "CPC", "optimizationGoal", "CLICK", "scheduleType",
                "SCHEDULE_FROM_NOW", "scheduleStartTime", "2026-11-21 00:00:00"));

        submit(tooSmall);
        submit(unknown);
        submit(incomplete);

        CommandResult budget = awaitResult(tooSmall.commandId());
        assertThat(budget.outcome()).isEqualTo(CommandResult.Outcome.FAILED);
        assertThat(budget.tiktokCode()).isEqualTo(40002);
        assertThat(budget.reason()).contains("TikTok refused the request with code 40002").contains("at least 50");
        assertThat(new BigDecimal((String) budget.before().get("budget")))
                .isEqualByComparingTo(campaign.budget().amount());
        assertThat(budget.after()).isNull();
        CommandResult missing = awaitResult(unknown.commandId());
        assertThat(missing.outcome()).isEqualTo(CommandResult.Outcome.FAILED);
        assertThat(missing.tiktokCode()).isEqualTo(40007);
        assertThat(missing.tiktokMessage()).contains("1234567890123456789 does not exist");
        CommandResult group = awaitResult(incomplete.commandId());
        assertThat(group.tiktokCode()).isEqualTo(40002);
        assertThat(group.tiktokMessage()).contains("budget").contains("at least 20");
    }

    @Test
    void aDryRunSendsNothing() {
        EntityObserved campaign = newCampaign();
        CommandRequested command = command(connectionId, advertiserId, "campaign.status.update", true,
                Map.of("campaignIds", List.of(campaign.entityId()), "operationStatus", "DISABLE"));

        submit(command);

        CommandResult result = awaitResult(command.commandId());
        assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.DRY_RUN);
        assertThat(result.request().url()).endsWith("/campaign/status/update/");
        assertThat(result.request().body()).isEqualTo("{\"advertiser_id\":\"" + advertiserId + "\",\"campaign_ids\":[\""
                + campaign.entityId() + "\"],\"operation_status\":\"DISABLE\"}");
        assertThat(TIKTOK.forwardedWrites()).noneMatch(w -> w.contains(campaign.entityId()));
        assertThat(TIKTOK.forwardedWrites()).noneMatch(w -> w.contains(command.commandId()));
    }

    @Test
    void aCampaignCreatedFromAFormIsReadBackAndPolled() {
        String name = "Adpulse launch " + UUID.randomUUID();
        CommandRequested command = command(connectionId, advertiserId, "campaign.create", false, Map.of(
                "campaignName", name, "objectiveType", "TRAFFIC", "budgetMode", "BUDGET_MODE_DAY", "budget", "80",
                "operationStatus", "DISABLE"));

        submit(command);

        CommandResult result = awaitResult(command.commandId());
        assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.SUCCEEDED);
        assertThat(result.entityId()).matches("\\d{19}");
        assertThat(result.before()).isNull();
        assertThat(result.after()).containsEntry("name", name).containsEntry("operationStatus", "DISABLE")
                .containsEntry("budgetMode", "BUDGET_MODE_DAY");
        eventually().untilAsserted(() -> assertThat(campaignSnapshots(result.entityId()))
                .anySatisfy(seen -> assertThat(seen.name()).isEqualTo(name)));
    }

    @Test
    void aStatusChangeDisablesTheCampaignAndItsAdGroupsFollow() {
        EntityObserved campaign = newCampaign();
        CommandRequested command = command(connectionId, advertiserId, "campaign.status.update", false,
                Map.of("campaignIds", List.of(campaign.entityId()), "operationStatus", "DISABLE"));

        submit(command);

        CommandResult result = awaitResult(command.commandId());
        assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.SUCCEEDED);
        assertThat(result.before()).containsEntry("operationStatus", "ENABLE");
        assertThat(result.after()).containsEntry("operationStatus", "DISABLE")
                .containsEntry("secondaryStatus", "CAMPAIGN_STATUS_DISABLE");
        eventually().untilAsserted(() -> assertThat(entities(advertiserId)).anySatisfy(e -> {
            assertThat(e.data().level()).isEqualTo(EntityLevel.ADGROUP);
            assertThat(e.data().parentId()).isEqualTo(campaign.entityId());
            assertThat(e.data().attributes()).containsEntry("secondary_status", "ADGROUP_STATUS_CAMPAIGN_DISABLE");
        }));
    }

    /**
     * A new enabled campaign with a daily budget of 100 (and one ad group of 30), created straight in the sandbox
     * for this test, once the poll has published it.
     */
    private static EntityObserved newCampaign() {
        String campaignId = SandboxTikTok.shared().createCampaign(token, advertiserId,
                "Test campaign " + UUID.randomUUID(), "100");
        SandboxTikTok.shared().createAdGroup(token, advertiserId, campaignId, "Test ad group " + UUID.randomUUID(),
                "30");
        eventually().until(() -> !campaignSnapshots(campaignId).isEmpty());
        return campaignSnapshots(campaignId).get(0);
    }

    private static List<EntityObserved> campaignSnapshots(String campaignId) {
        return entities(advertiserId).stream().map(EventEnvelope::data)
                .filter(e -> e.level() == EntityLevel.CAMPAIGN && e.entityId().equals(campaignId)).toList();
    }

}
