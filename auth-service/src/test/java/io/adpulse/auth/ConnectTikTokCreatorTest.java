package io.adpulse.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.auth.support.FakeTikTok;
import io.adpulse.auth.support.LoginKit;
import io.adpulse.events.ConnectionAttempted;
import io.adpulse.events.ConnectionGranted;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ConnectTikTokCreatorTest extends AuthServiceTestBase {

    @Test
    void startSendsTheOperatorToLoginKitWithAPkceS256Challenge() throws Exception {
        Map<String, String> authorize = startCreator("alice");

        assertThat(authorize).containsEntry("client_key", FakeTikTok.APP_ID)
                .containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "code_challenge");
        assertThat(authorize.get("scope")).contains("user.info.basic");
        assertThat(authorize.get("redirect_uri"))
                .isEqualTo("http%3A%2F%2Flocalhost%3A8080%2Fapi%2Fauth%2Foauth%2Ftiktok-creator%2Fcallback");
        assertThat(authorize.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        String verifier = db.sql("select code_verifier from oauth_state where state_hash = :hash")
                .bind("hash", sha256Hex(authorize.get("state")))
                .map(row -> row.get(0, String.class)).one().block();
        assertThat(LoginKit.challengeOf(verifier)).as("stored verifier matches the challenge")
                .isEqualTo(authorize.get("code_challenge"));
        assertThat(authorize.values()).noneMatch(value -> value.contains(verifier));
    }

    @Test
    void startWithoutJsonRedirectsToLoginKit() {
        web.get().uri(CREATOR_START).header(ACTOR, "alice").exchange()
                .expectStatus().isFound()
                .expectHeader().value("Location", location -> assertThat(location)
                        .startsWith(TIKTOK.loginKitAuthUrl() + "?client_key="));
        web.get().uri(CREATOR_START).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theCallbackConnectsTheCreatorAndStoresBothTokensOnlyEncrypted() {
        String openId = uniqueOpenId();
        Map<String, String> authorize = startCreator("alice");
        String code = uniqueCode();
        TIKTOK.loginKit().accessTokensLive(Duration.ofHours(2));
        TIKTOK.loginKit().willAuthorize(code, authorize.get("code_challenge"), openId, "Trail <Tales>");
        Instant before = clock.instant();

        creatorCallback(authorize.get("state"), code, "alice", MediaType.APPLICATION_JSON)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.connections[0].id").isEqualTo("creator-" + openId)
                .jsonPath("$.connections[0].kind").isEqualTo("CREATOR")
                .jsonPath("$.connections[0].advertiserId").isEqualTo(openId)
                .jsonPath("$.connections[0].displayName").isEqualTo("Trail <Tales>")
                .jsonPath("$.connections[0].status").isEqualTo("ACTIVE")
                .jsonPath("$.connections[0].scopes[1]").isEqualTo("video.list")
                .jsonPath("$.connections[0].grantedBy").isEqualTo("alice")
                .jsonPath("$.connections[0].expiresAt").value(expiresAt -> assertThat(Instant.parse((String) expiresAt))
                        .isBetween(before.plus(Duration.ofHours(2)).minusSeconds(1),
                                before.plus(Duration.ofHours(2)).plusSeconds(1)))
                .jsonPath("$.connections[0].lastRefreshedAt").doesNotExist()
                .jsonPath("$.connections[0].keyId").isEqualTo("dev-token-2");

        List<String> refresh = TIKTOK.loginKit().liveRefreshTokens(openId);
        assertThat(refresh).hasSize(1);
        ConsumerRecord<String, byte[]> record = awaitRecords(Topics.CONNECTIONS, 1,
                r -> r.key().equals("creator-" + openId)).get(0);
        ConnectionGranted granted = CODEC.decode(record.value(), ConnectionGranted.class).data();
        assertThat(granted.kind()).isEqualTo(ConnectionKind.CREATOR);
        Object expiresAt = web.get().uri("/api/auth/connections/creator-" + openId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("expiresAt");
        assertThat(granted.accessTokenExpiresAt()).as("the published token's expiry is the connection's")
                .isEqualTo(Instant.parse((String) expiresAt))
                .isBetween(before.plus(Duration.ofHours(2)).minusSeconds(1), before.plus(Duration.ofHours(2)).plusSeconds(1));
        String accessToken = openTransit(granted.accessToken(), "creator-" + openId);
        assertThat(TIKTOK.loginKit().isLiveAccessToken(accessToken)).isTrue();
        assertThat(occurrencesInDatabase(accessToken)).isZero();
        assertThat(occurrencesInDatabase(refresh.get(0))).isZero();
        assertThat(new String(record.value())).doesNotContain(accessToken).doesNotContain(refresh.get(0));
        Long tokenRows = db.sql("select count(*) from connection_token where connection_id = :id")
                .bind("id", "creator-" + openId).map(row -> row.get(0, Long.class)).one().block();
        assertThat(tokenRows).isEqualTo(2);
        ConsumerRecord<String, byte[]> attemptRecord = awaitAttempt("alice",
                a -> a.connectionIds().contains("creator-" + openId));
        ConnectionAttempted attempt = CODEC.decode(attemptRecord.value(), ConnectionAttempted.class).data();
        assertThat(attempt.kind()).isEqualTo(ConnectionKind.CREATOR);
        assertThat(attempt.outcome()).isEqualTo(ConnectionAttempted.Outcome.CONNECTED);
        assertThat(attempt.operator()).isEqualTo("alice");
        assertThat(attempt.failure()).isNull();
        assertThat(attempt.detail()).isNull();
        assertThat(attempt.connectionIds()).containsExactly("creator-" + openId);
        assertThat(new String(attemptRecord.value())).doesNotContain(accessToken).doesNotContain(refresh.get(0))
                .doesNotContain(code).doesNotContain(authorize.get("state"));
        Long verifiers = db.sql("select count(*) from oauth_state where flow = 'TIKTOK_CREATOR' and consumed_at is not null "
                        + "and code_verifier is not null").map(row -> row.get(0, Long.class)).one().block();
        assertThat(verifiers).as("verifiers are erased when their state is used").isZero();
    }

    @Test
    void aBrowserLandsOnAPageNamingTheAccount() {
        String openId = uniqueOpenId();
        Map<String, String> authorize = startCreator("alice");
        String code = uniqueCode();
        TIKTOK.loginKit().willAuthorize(code, authorize.get("code_challenge"), openId, "Glow <Mai>");

        creatorCallback(authorize.get("state"), code, "alice", MediaType.TEXT_HTML)
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("Connected 1 TikTok account(s)", "Glow &lt;Mai&gt;"));
    }

    @Test
    void aCodeRedeemedWithAnotherAuthorisationsVerifierIsRejectedAndConnectsNothing() {
        String openId = uniqueOpenId();
        Map<String, String> first = startCreator("alice");
        Map<String, String> second = startCreator("alice");
        String code = uniqueCode();
        TIKTOK.loginKit().willAuthorize(code, first.get("code_challenge"), openId, "Mixed Up");

        creatorCallback(second.get("state"), code, "alice", MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://adpulse.io/problems/tiktok-rejected")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("invalid_grant"));

        web.get().uri("/api/auth/connections/creator-" + openId).exchange().expectStatus().isNotFound();
    }

    @Test
    void everyCallbackFailureIsAClearProblemAndARefusedAttempt() {
        String operator = uniqueOperator();
        String openId = uniqueOpenId();
        Map<String, String> authorize = startCreator(operator);
        String code = uniqueCode();
        TIKTOK.loginKit().willAuthorize(code, authorize.get("code_challenge"), openId, "Once");
        creatorCallback(authorize.get("state"), code, operator, MediaType.APPLICATION_JSON).expectStatus().isOk();
        Instant since = attemptMarker();

        creatorCallback(authorize.get("state"), code, operator, MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/reused-state");
        assertRefused(ConnectionKind.CREATOR, operator, "reused-state", since, authorize.get("state"), code);

        String forged = "never-issued-" + UUID.randomUUID();
        creatorCallback(forged, code, operator, MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/unknown-state");
        assertRefused(ConnectionKind.CREATOR, null, "unknown-state", since, forged, code);

        String otherFlows = startState(operator);
        Instant sinceOtherFlows = attemptMarker();
        creatorCallback(otherFlows, code, operator, MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/unknown-state");
        assertRefused(ConnectionKind.CREATOR, null, "unknown-state", sinceOtherFlows, otherFlows, code);

        String hijacked = startCreator(operator).get("state");
        creatorCallback(hijacked, code, "mallory", MediaType.APPLICATION_JSON)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/actor-mismatch");
        assertRefused(ConnectionKind.CREATOR, operator, "actor-mismatch", since, hijacked, code);

        String rejected = startCreator(operator).get("state");
        creatorCallback(rejected, "unknown-code", operator, MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/tiktok-rejected");
        assertThat(assertRefused(ConnectionKind.CREATOR, operator, "tiktok-rejected", since, rejected, "unknown-code")
                .detail()).contains("invalid_grant");

        String expiring = startCreator(operator).get("state");
        clock.advance(Duration.ofMinutes(11));
        creatorCallback(expiring, code, operator, MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/expired-state");
        assertRefused(ConnectionKind.CREATOR, operator, "expired-state", since, expiring, code);
    }

    @Test
    void aCallbackWithoutAStateIsRejected() {
        Instant since = attemptMarker();
        String code = uniqueCode();

        web.get().uri(uri -> uri.path(CREATOR_CALLBACK).queryParam("code", code).build())
                .accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/missing-state");

        assertRefused(ConnectionKind.CREATOR, null, "missing-state", since, code);
    }

    @Test
    void aCallbackWithoutACodeIsRejectedAndUsesTheStateUp() {
        String operator = uniqueOperator();
        String state = startCreator(operator).get("state");
        Instant since = attemptMarker();

        web.get().uri(uri -> uri.path(CREATOR_CALLBACK).queryParam("state", state).build())
                .header(ACTOR, operator).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/missing-code");
        assertRefused(ConnectionKind.CREATOR, operator, "missing-code", since, state);

        creatorCallback(state, uniqueCode(), operator, MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/reused-state");
    }

    @Test
    void loginKitFailingIsABadGatewayConnectingNothing() {
        String operator = uniqueOperator();
        String openId = uniqueOpenId();
        Map<String, String> authorize = startCreator(operator);
        String code = uniqueCode();
        TIKTOK.loginKit().willAuthorize(code, authorize.get("code_challenge"), openId, "Down");
        TIKTOK.loginKit().willBreak(code);
        Instant since = attemptMarker();

        creatorCallback(authorize.get("state"), code, operator, MediaType.APPLICATION_JSON)
                .expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/tiktok-unavailable");

        assertRefused(ConnectionKind.CREATOR, operator, "tiktok-unavailable", since, authorize.get("state"), code);
        web.get().uri("/api/auth/connections/creator-" + openId).exchange().expectStatus().isNotFound();
    }

    @Test
    void aDeclinedConsentIsForbiddenAndUsesTheStateUp() {
        String operator = uniqueOperator();
        String state = startCreator(operator).get("state");
        Instant since = attemptMarker();

        web.get().uri(uri -> uri.path(CREATOR_CALLBACK).queryParam("error", "access_denied")
                        .queryParam("error_description", "The user canceled").queryParam("state", state).build())
                .accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/consent-denied");
        assertThat(assertRefused(ConnectionKind.CREATOR, operator, "consent-denied", since, state).detail())
                .contains("access_denied");

        creatorCallback(state, "any", operator, MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/reused-state");
    }

    private static String sha256Hex(String value) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
