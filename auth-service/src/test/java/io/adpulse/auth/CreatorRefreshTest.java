package io.adpulse.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adpulse.events.ApiErrorOccurred;
import io.adpulse.events.ConnectionGranted;
import io.adpulse.events.ConnectionRevoked;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.EventType;
import io.adpulse.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;

@ExtendWith(OutputCaptureExtension.class)
class CreatorRefreshTest extends AuthServiceTestBase {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @AfterEach
    void normalLoginKit() {
        TIKTOK.loginKit().accessTokensLive(Duration.ofHours(2));
        TIKTOK.loginKit().delayRefreshes(Duration.ZERO);
        TIKTOK.loginKit().releaseRefreshes();
    }

    @Test
    void theSchedulerRefreshesAheadOfExpiryRotatingTheRefreshTokenAndPublishingTheNewAccessToken() {
        String openId = uniqueOpenId();
        TIKTOK.loginKit().accessTokensLive(Duration.ofMinutes(10));
        String id = connectCreator("alice", openId, "Scheduled");
        String firstRefresh = TIKTOK.loginKit().liveRefreshTokens(openId).get(0);
        Instant firstExpiry = Instant.parse(connection(id).get("expiresAt").toString());

        clock.advance(Duration.ofMinutes(5));
        assertThat(connection(id).get("lastRefreshedAt")).as("not due half-way through the lifetime").isNull();

        clock.advance(Duration.ofMinutes(2).plusSeconds(30));
        await().atMost(Duration.ofSeconds(20)).until(() -> connection(id).get("lastRefreshedAt") != null);

        Map<String, Object> refreshed = connection(id);
        assertThat(refreshed.get("status")).isEqualTo("ACTIVE");
        assertThat(Instant.parse(refreshed.get("expiresAt").toString())).isAfter(firstExpiry);
        List<String> live = TIKTOK.loginKit().liveRefreshTokens(openId);
        assertThat(live).hasSize(1).doesNotContain(firstRefresh);
        assertThat(occurrencesInDatabase(live.get(0))).isZero();
        List<ConsumerRecord<String, byte[]>> grants = awaitRecords(Topics.CONNECTIONS, 2, r -> r.key().equals(id));
        ConnectionGranted initial = CODEC.decode(grants.get(0).value(), ConnectionGranted.class).data();
        ConnectionGranted renewed = CODEC.decode(grants.get(1).value(), ConnectionGranted.class).data();
        String published = openTransit(renewed.accessToken(), id);
        assertThat(TIKTOK.loginKit().isLiveAccessToken(published)).isTrue();
        assertThat(initial.accessTokenExpiresAt()).isEqualTo(firstExpiry);
        assertThat(renewed.accessTokenExpiresAt()).as("each refresh publishes the new token's expiry")
                .isEqualTo(Instant.parse(refreshed.get("expiresAt").toString()));
        assertThat(TIKTOK.loginKit().refusedRefreshes(openId)).isZero();
    }

    @Test
    void severalExpiriesInARowKeepTheConnectionWorking() {
        String openId = uniqueOpenId();
        TIKTOK.loginKit().accessTokensLive(Duration.ofMinutes(10));
        String id = connectCreator("alice", openId, "Long Lived");

        for (int expiry = 1; expiry <= 3; expiry++) {
            Instant expiresAt = Instant.parse(connection(id).get("expiresAt").toString());
            clock.advance(Duration.between(clock.instant(), expiresAt).minusSeconds(30));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> Instant.parse(connection(id).get("expiresAt").toString()).isAfter(expiresAt));
        }

        assertThat(connection(id).get("status")).isEqualTo("ACTIVE");
        assertThat(TIKTOK.loginKit().liveRefreshTokens(openId)).hasSize(1);
        assertThat(TIKTOK.loginKit().refusedRefreshes(openId)).isZero();
    }

    @Test
    void twoRacingRefreshesLeaveExactlyOneValidTokenPair() throws Exception {
        String openId = uniqueOpenId();
        String id = connectCreator("alice", openId, "Racing");
        TIKTOK.loginKit().delayRefreshes(Duration.ofMillis(500));

        ExecutorService callers = Executors.newFixedThreadPool(2);
        List<String> outcomes;
        try {
            CountDownLatch go = new CountDownLatch(1);
            Callable<String> refresh = () -> {
                go.await();
                return forceRefresh(id);
            };
            Future<String> first = callers.submit(refresh);
            Future<String> second = callers.submit(refresh);
            go.countDown();
            outcomes = List.of(first.get(), second.get());
        } finally {
            callers.shutdownNow();
        }

        assertThat(outcomes).contains("REFRESHED").doesNotContain("NEEDS_REAUTH", "RETRY_LATER");
        TIKTOK.loginKit().delayRefreshes(Duration.ZERO);
        assertThat(TIKTOK.loginKit().liveRefreshTokens(openId)).hasSize(1);
        assertThat(TIKTOK.loginKit().refusedRefreshes(openId)).as("no refresh token was spent twice").isZero();
        assertThat(forceRefresh(id)).as("the stored pair is the valid one").isEqualTo("REFRESHED");
        assertThat(connection(id).get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void aReauthorisationDuringARefreshWinsAndTheRefreshAnswerIsDropped() throws Exception {
        String openId = uniqueOpenId();
        String id = connectCreator("alice", openId, "Reconnected");
        TIKTOK.loginKit().holdRefreshes();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<String> refresh = caller.submit(() -> forceRefresh(id));
            awaitRefreshLease(id);
            connectCreator("bob", openId, "Reconnected");
            TIKTOK.loginKit().releaseRefreshes();

            assertThat(refresh.get()).isEqualTo("SUPERSEDED");
        } finally {
            caller.shutdownNow();
        }

        assertThat(connection(id).get("grantedBy")).isEqualTo("bob");
        assertThat(connection(id).get("lastRefreshedAt")).isNull();
        assertThat(forceRefresh(id)).as("the re-authorisation's tokens were kept").isEqualTo("REFRESHED");
        assertThat(TIKTOK.loginKit().refusedRefreshes(openId)).isZero();
    }

    @Test
    void aRefreshWhileAnotherIsWaitingForTikTokDoesNotSpendTheRefreshTokenAgain() throws Exception {
        String openId = uniqueOpenId();
        String id = connectCreator("alice", openId, "Waiting");
        TIKTOK.loginKit().holdRefreshes();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = caller.submit(() -> forceRefresh(id));
            awaitRefreshLease(id);

            assertThat(forceRefresh(id)).isEqualTo("IN_PROGRESS");
            TIKTOK.loginKit().releaseRefreshes();
            assertThat(first.get()).isEqualTo("REFRESHED");
        } finally {
            caller.shutdownNow();
        }

        assertThat(TIKTOK.loginKit().liveRefreshTokens(openId)).hasSize(1);
        assertThat(TIKTOK.loginKit().refusedRefreshes(openId)).isZero();
        assertThat(forceRefresh(id)).isEqualTo("REFRESHED");
    }

    @Test
    void aRefusedRefreshMarksTheConnectionNeedsReauthAndPublishesIt() {
        String openId = uniqueOpenId();
        String id = connectCreator("alice", openId, "Removed");
        TIKTOK.loginKit().removeAuthorization(openId);

        web.post().uri("/api/auth/connections/" + id + "/refresh").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.refresh.outcome").isEqualTo("NEEDS_REAUTH")
                .jsonPath("$.status").isEqualTo("NEEDS_REAUTH")
                .jsonPath("$.statusReason").isEqualTo("NEEDS_REAUTH:invalid_grant");

        ConsumerRecord<String, byte[]> record = awaitRecords(Topics.CONNECTIONS, 1,
                r -> r.key().equals(id) && ConnectionLifecycleTest.isType(r, EventType.CONNECTION_REVOKED)).get(0);
        ConnectionRevoked revoked = CODEC.decode(record.value(), ConnectionRevoked.class).data();
        assertThat(revoked.reason()).isEqualTo("NEEDS_REAUTH:invalid_grant");
        assertThat(revoked.revokedBy()).isEqualTo("tiktok");
        web.post().uri("/api/auth/connections/" + id + "/refresh").exchange()
                .expectBody().jsonPath("$.refresh.outcome").isEqualTo("NOT_REFRESHABLE");
    }

    @Test
    void aRefreshTikTokCannotAnswerIsRetriedLaterWithoutLosingTheRefreshToken() {
        String openId = uniqueOpenId();
        String id = connectCreator("alice", openId, "Flaky");
        String refresh = TIKTOK.loginKit().liveRefreshTokens(openId).get(0);
        TIKTOK.loginKit().failRefreshes(openId, 1);

        web.post().uri("/api/auth/connections/" + id + "/refresh").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.refresh.outcome").isEqualTo("RETRY_LATER")
                .jsonPath("$.refresh.detail").value(detail -> assertThat((String) detail).contains("HTTP 503"))
                .jsonPath("$.status").isEqualTo("ACTIVE");

        assertThat(TIKTOK.loginKit().liveRefreshTokens(openId)).containsExactly(refresh);
        assertThat(forceRefresh(id)).isEqualTo("REFRESHED");
    }

    @Test
    void anAuthErrorFromIngestTriggersAnImmediateRefresh() {
        String openId = uniqueOpenId();
        String id = connectCreator("alice", openId, "Checked");
        Instant at = clock.instant().plusSeconds(1);
        var error = new ApiErrorOccurred(id, openId, "/v2/video/list/", 40105, "invalid token", 401, false,
                "req-" + openId, at);
        kafka.send(Topics.API_ERRORS, id, CODEC.encode(EventEnvelope.of("/adpulse/ingest-service", id, at, error,
                "req-" + openId)));

        await().atMost(Duration.ofSeconds(20)).until(() -> connection(id).get("lastRefreshedAt") != null);
        assertThat(connection(id).get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void disconnectingACreatorRevokesItsGrantAtLoginKitAndDeletesBothTokens() {
        String openId = uniqueOpenId();
        String id = connectCreator("alice", openId, "Leaving");

        web.delete().uri("/api/auth/connections/" + id).header(ACTOR, "bob").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("REVOKED")
                .jsonPath("$.tiktokRevocation.outcome").isEqualTo("REVOKED");

        assertThat(TIKTOK.loginKit().liveRefreshTokens(openId)).isEmpty();
        Long tokenRows = db.sql("select count(*) from connection_token where connection_id = :id").bind("id", id)
                .map(row -> row.get(0, Long.class)).one().block();
        assertThat(tokenRows).isZero();
        assertThat(awaitRecords(Topics.CONNECTIONS, 3, r -> r.key().equals(id)).get(2).value()).isNull();
    }

    @Test
    void advertiserConnectionsHaveNothingToRefresh() {
        String advertiser = uniqueAdvertiserId();
        connect("alice", "act." + java.util.UUID.randomUUID(),
                new io.adpulse.auth.support.FakeTikTok.Advertiser(advertiser, "No Expiry"));

        web.post().uri("/api/auth/connections/adv-" + advertiser + "/refresh").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.refresh.outcome").isEqualTo("NOT_REFRESHABLE");
        web.post().uri("/api/auth/connections/creator-unknown/refresh").exchange().expectStatus().isNotFound();
    }

    @Test
    void noCreatorTokenReachesTheLogsTheDatabaseOrTheTopic(CapturedOutput output) {
        String openId = uniqueOpenId();
        String id = connectCreator("alice", openId, "Secretive");
        forceRefresh(id);
        TIKTOK.loginKit().failRefreshes(openId, 1);
        forceRefresh(id);
        web.delete().uri("/api/auth/connections/" + id).exchange().expectStatus().isOk();

        List<String> tokens = TIKTOK.loginKit().allTokensIssued(openId);
        assertThat(tokens).hasSize(4);
        List<ConsumerRecord<String, byte[]>> records = awaitRecords(Topics.CONNECTIONS, 4, r -> r.key().equals(id));
        assertThat(output.getAll()).contains("Refreshed the tokens of connection " + id)
                .contains("Refreshing connection " + id + " failed");
        for (String token : tokens) {
            assertThat(output.getAll()).doesNotContain(token);
            assertThat(occurrencesInDatabase(token)).isZero();
            records.stream().filter(r -> r.value() != null)
                    .forEach(r -> assertThat(new String(r.value())).doesNotContain(token));
        }
        assertThat(output.getAll()).doesNotContain("sandbox-secret");
    }

    private void awaitRefreshLease(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql(
                        "select refresh_lease_until is not null from connection where id = :id")
                .bind("id", id).map(row -> row.get(0, Boolean.class)).one().block());
    }

    private String forceRefresh(String id) {
        Map<?, ?> answer = web.post().uri("/api/auth/connections/" + id + "/refresh").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) ((Map<?, ?>) answer.get("refresh")).get("outcome");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> connection(String id) {
        return web.get().uri("/api/auth/connections/" + id).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
