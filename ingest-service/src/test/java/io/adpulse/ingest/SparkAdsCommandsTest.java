package io.adpulse.ingest;

import static io.adpulse.ingest.CommandFrameworkTest.awaitResult;
import static io.adpulse.ingest.CommandFrameworkTest.command;
import static io.adpulse.ingest.CommandFrameworkTest.results;
import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.CommandRequested;
import io.adpulse.events.CommandResult;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Spark Ads end to end against TikTok's sandbox ({@link SandboxTikTok}): a creator's code is authorized with
 * {@code spark.authorize} (the post comes back as the result's {@code after}), then the post runs as an ad in an ad
 * group with {@code ad.create}; bad codes are FAILED with TikTok's reason; a redelivered authorization is sent once;
 * the code travels sealed for its command (tiktok.commands.v1 never carries it in plaintext) and never shows in a
 * result.
 */
class SparkAdsCommandsTest extends IngestServiceTestBase {

    private static String advertiserId;
    private static String connectionId;
    private static String token;

    @BeforeEach
    void connectTheSandboxAdvertiser() {
        String[] connection = CampaignCommandsTest.connectSandboxAdvertiser(this);
        advertiserId = connection[0];
        connectionId = connection[1];
        token = connection[2];
    }

    @Test
    void anAuthorizedPostRunsAsASparkAdInAnAdGroup() {
        JsonNode code = SandboxTikTok.shared().sparkCode(1);
        String authCode = code.get("auth_code").asString();
        String itemId = code.get("item_id").asString();
        CommandRequested authorize = authorize(authCode);

        submit(authorize);

        CommandResult authorized = awaitResult(authorize.commandId());
        assertThat(authorized.outcome()).as(authorized.reason()).isEqualTo(CommandResult.Outcome.SUCCEEDED);
        assertThat(authorized.entityId()).isEqualTo(itemId);
        assertThat(authorized.after()).containsEntry("itemId", itemId).containsEntry("creator", "Trailside Tales")
                .containsEntry("identityType", "AUTH_CODE").containsEntry("authStatus", "AUTHORIZED")
                .containsKeys("identityId", "caption", "authEndTime");
        assertThat(authorized.request().url()).endsWith("/tt_video/authorize/");
        assertThat(authorized.request().body()).doesNotContain(authCode.substring(1, authCode.length() - 4))
                .contains("\"auth_code\":\"••••" + authCode.substring(authCode.length() - 4) + "\"");
        web.get().uri("/api/ingest/commands/{id}", authorize.commandId()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.parameters.authCode").isEqualTo("••••" + authCode.substring(authCode.length()
                        - 4));

        String campaignId = SandboxTikTok.shared().createCampaign(token, advertiserId, "Spark " + UUID.randomUUID(),
                "100");
        String adGroupId = SandboxTikTok.shared().createAdGroup(token, advertiserId, campaignId, "Fans", "30");
        CommandRequested ad = command(connectionId, advertiserId, "ad.create", false, Map.of("adgroupId", adGroupId,
                "adName", "Sunrise, sparked", "adFormat", "SINGLE_VIDEO", "tiktokItemId", itemId, "identityType",
                "AUTH_CODE", "identityId", authorized.after().get("identityId")));

        submit(ad);

        CommandResult created = awaitResult(ad.commandId());
        assertThat(created.outcome()).as(created.reason()).isEqualTo(CommandResult.Outcome.SUCCEEDED);
        assertThat(created.after()).containsEntry("level", "AD").containsEntry("parentId", adGroupId)
                .containsEntry("name", "Sunrise, sparked");
        assertThat(created.request().body()).contains("\"identity_type\":\"AUTH_CODE\"")
                .contains("\"tiktok_item_id\":\"" + itemId + "\"").doesNotContain("video_id");
    }

    @Test
    void unknownAndExpiredCodesAndUnauthorizedPostsAreFailedWithTikToksReason() {
        JsonNode expired = SandboxTikTok.shared().sparkCode(2);
        SandboxTikTok.shared().expireSparkCode(expired.get("auth_code").asString());
        CommandRequested unknown = authorize("#NoSuchCode0000");
        CommandRequested late = authorize(expired.get("auth_code").asString());
        String campaignId = SandboxTikTok.shared().createCampaign(token, advertiserId, "Spark " + UUID.randomUUID(),
                "100");
        String adGroupId = SandboxTikTok.shared().createAdGroup(token, advertiserId, campaignId, "Fans", "30");
        CommandRequested notAuthorized = command(connectionId, advertiserId, "ad.create", false, Map.of(
                "adgroupId", adGroupId, "adName", "Not ours", "adFormat", "SINGLE_VIDEO", "tiktokItemId",
                expired.get("item_id").asString(), "identityType", "AUTH_CODE", "identityId", "6900000000000000001"));

        submit(unknown);
        submit(late);
        submit(notAuthorized);

        CommandResult missing = awaitResult(unknown.commandId());
        assertThat(missing.outcome()).isEqualTo(CommandResult.Outcome.FAILED);
        assertThat(missing.tiktokCode()).isEqualTo(40002);
        assertThat(missing.reason()).contains("TikTok refused the request with code 40002").contains("does not exist");
        assertThat(missing.after()).isNull();
        CommandResult lapsed = awaitResult(late.commandId());
        assertThat(lapsed.outcome()).isEqualTo(CommandResult.Outcome.FAILED);
        assertThat(lapsed.reason()).contains("has expired");
        CommandResult refused = awaitResult(notAuthorized.commandId());
        assertThat(refused.outcome()).isEqualTo(CommandResult.Outcome.FAILED);
        assertThat(refused.tiktokMessage()).contains("is not authorized for advertiser " + advertiserId);
    }

    @Test
    void aRedeliveredAuthorizationIsSentOnce() {
        String authCode = SandboxTikTok.shared().sparkCode(3).get("auth_code").asString();
        CommandRequested command = authorize(authCode);

        submit(command);
        submit(command);

        CommandResult result = awaitResult(command.commandId());
        eventually().until(() -> results(command.commandId()).size() == 2);
        assertThat(results(command.commandId()).get(1)).isEqualTo(results(command.commandId()).get(0));
        assertThat(result.outcome()).as(result.reason()).isEqualTo(CommandResult.Outcome.SUCCEEDED);
        assertThat(TIKTOK.forwardedWrites()).filteredOn(w -> w.startsWith("/tt_video/authorize/")
                && w.contains(authCode)).hasSize(1);
    }

    /** {@code spark.authorize} with {@code code} sealed for the command as the gateway seals it. */
    private static CommandRequested authorize(String code) {
        return sealedFor(command(connectionId, advertiserId, "spark.authorize", false, Map.of()), code,
                command -> command);
    }

    /**
     * {@code command} with parameter {@code authCode} = {@code code} sealed with the dev transit key for the command
     * id that {@code sealedWith} picks (the command's own, or another one).
     */
    private static CommandRequested sealedFor(CommandRequested command, String code,
            java.util.function.UnaryOperator<String> sealedWith) {
        var sealed = Tokens.sealWithDevKey(code, sealedWith.apply(command.commandId()));
        Map<String, Object> parameters = Map.of("authCode", Map.of("keyId", sealed.keyId(), "ciphertext",
                sealed.ciphertext(), "endsWith", code.length() > 8 ? code.substring(code.length() - 4) : ""));
        return new CommandRequested(command.commandId(), command.kind(), command.connectionId(),
                command.advertiserId(), command.actor(), command.dryRun(), parameters, command.fingerprint(),
                command.requestedAt());
    }

    @Test
    void aCodeSealedForAnotherCommandIsRejectedWithoutCallingTikTok() {
        String authCode = "#SealedForAnotherCommand1234";
        CommandRequested replayed = sealedFor(command(connectionId, advertiserId, "spark.authorize", false, Map.of()),
                authCode, id -> "cmd-someone-elses");

        submit(replayed);

        CommandResult result = awaitResult(replayed.commandId());
        assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.REJECTED);
        assertThat(result.reason()).contains("parameter 'authCode' of command " + replayed.commandId())
                .contains("sealed for another command").doesNotContain(authCode);
        assertThat(TIKTOK.forwardedWrites()).noneMatch(w -> w.contains(authCode));
    }

    @Test
    void aMalformedCodeIsRejectedWithoutCallingTikTok() {
        CommandRequested command = authorize("not a code");
        CommandRequested mixed = command(connectionId, advertiserId, "ad.create", false, Map.of("adgroupId", "1",
                "adName", "Both", "adFormat", "SINGLE_VIDEO", "tiktokItemId", "7000000000000000001", "identityType",
                "AUTH_CODE", "identityId", "1", "videoId", "v1"));

        submit(command);
        submit(mixed);

        CommandResult result = awaitResult(command.commandId());
        assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.REJECTED);
        assertThat(result.reason()).contains("authCode").contains("Spark Ads code").doesNotContain("not a code");
        assertThat(awaitResult(mixed.commandId()).reason()).contains("must be left out of a Spark ad");
        assertThat(TIKTOK.forwardedWrites()).noneMatch(w -> w.contains("not a code"));
    }
}
