package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.ApiErrorOccurred;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.OrganicVideoObserved;
import io.adpulse.ingest.connection.ConnectionStatus;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Creator (Login Kit) connections: their organic videos through the Display API onto {@code tiktok.organic.v1}. */
class OrganicVideosTest extends IngestServiceTestBase {

    private static final AtomicLong VIDEO_IDS = new AtomicLong(7_300_000_000_000_000_000L
            + (System.nanoTime() % 1_000_000_000L) * 1000);
    private static final long FIRST_POST = Instant.parse("2026-08-01T10:00:00Z").getEpochSecond();

    @Test
    void aCreatorGrantPublishesEveryVideoOnceThenOnlyChangedCountsAndNeverCallsTheBusinessApi() {
        String openId = uniqueOpenId();
        String token = uniqueToken();
        FakeTikTok.Creator creator = TIKTOK.creator(openId, token);
        List<String> ids = videos(creator, 25);
        String lastId = uniqueVideoId();
        creator.video(lastId, FIRST_POST - 86_400, 900L, 90L, 9L, null);
        String connectionId = "creator-" + openId;

        grantCreator(connectionId, openId, token, NOW.minus(Duration.ofMinutes(30)));

        eventually().untilAsserted(() -> assertThat(organic(connectionId)).hasSize(26));
        List<EventEnvelope<OrganicVideoObserved>> first = organic(connectionId);
        assertThat(first).extracting(e -> e.data().videoId()).containsExactlyInAnyOrderElementsOf(
                concat(ids, lastId));
        EventEnvelope<OrganicVideoObserved> newest = byVideo(first, ids.get(ids.size() - 1));
        assertThat(newest.subject()).isEqualTo(connectionId);
        assertThat(newest.data().openId()).isEqualTo(openId);
        assertThat(new BigInteger(newest.data().videoId())).isGreaterThan(BigInteger.TWO.pow(53));
        assertThat(newest.data().counts()).containsEntry("view_count", 1000L + 24).containsEntry("like_count", 100L)
                .containsEntry("comment_count", 10L).containsEntry("share_count", 5L);
        assertThat(newest.data().missing()).isEmpty();
        assertThat(newest.data().createTime()).isEqualTo(Instant.ofEpochSecond(FIRST_POST + 24 * 3600L));
        assertThat(newest.data().title()).isEqualTo("Video " + newest.data().videoId());
        assertThat(newest.data().shareUrl()).endsWith("/video/" + newest.data().videoId());
        assertThat(newest.data().durationSeconds()).isEqualTo(30);
        EventEnvelope<OrganicVideoObserved> withoutShares = byVideo(first, lastId);
        assertThat(withoutShares.data().missing()).containsExactly("share_count");
        assertThat(withoutShares.data().counts()).doesNotContainKey("share_count").containsEntry("view_count", 900L);
        assertThat(TIKTOK.videoListRequests(openId)).allSatisfy(request -> assertThat(request.maxCount()).isEqualTo(20));
        assertThat(TIKTOK.videoListRequests(openId)).anySatisfy(request -> assertThat(request.cursor())
                .isEqualTo((FIRST_POST + 5 * 3600L) * 1000));

        awaitPolls(openId, 2);
        assertThat(organic(connectionId)).hasSize(26);

        creator.count(ids.get(3), "like_count", 4242);
        eventually().untilAsserted(() -> assertThat(organic(connectionId)).hasSize(27));
        awaitPolls(openId, 2);
        List<EventEnvelope<OrganicVideoObserved>> after = organic(connectionId);
        assertThat(after).hasSize(27);
        EventEnvelope<OrganicVideoObserved> changed = after.get(after.size() - 1);
        assertThat(changed.data().videoId()).isEqualTo(ids.get(3));
        assertThat(changed.data().counts()).containsEntry("like_count", 4242L).containsEntry("view_count", 1003L);
        assertThat(changed.id()).isNotEqualTo(byVideo(first, ids.get(3)).id());
        assertThat(TIKTOK.calls(FakeTikTok.ADVERTISER_INFO, openId)).isZero();
        assertThat(TIKTOK.calls(FakeTikTok.CAMPAIGN_GET, openId)).isZero();
        assertThat(overview(connectionId).status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void aRevokedCreatorAndATombstonedOneAreNoLongerPolled() {
        String sentinel = uniqueOpenId();
        String sentinelToken = uniqueToken();
        videos(TIKTOK.creator(sentinel, sentinelToken), 1);
        grantCreator("creator-" + sentinel, sentinel, sentinelToken, NOW.minus(Duration.ofMinutes(30)));
        String revokedId = uniqueOpenId();
        String tombstonedId = uniqueOpenId();
        for (String openId : List.of(revokedId, tombstonedId)) {
            String token = uniqueToken();
            videos(TIKTOK.creator(openId, token), 2);
            grantCreator("creator-" + openId, openId, token, NOW.minus(Duration.ofMinutes(30)));
            eventually().untilAsserted(() -> assertThat(organic("creator-" + openId)).hasSize(2));
        }

        revoke("creator-" + revokedId, revokedId, "DISCONNECTED_BY_OPERATOR");
        send("creator-" + tombstonedId, null);

        eventually().untilAsserted(() -> {
            assertThat(overview("creator-" + revokedId).status()).isEqualTo(ConnectionStatus.REVOKED);
            assertThat(overview("creator-" + tombstonedId).status()).isEqualTo(ConnectionStatus.REVOKED);
        });
        awaitPolls(sentinel, 1);
        int revokedCalls = TIKTOK.videoListRequests(revokedId).size();
        int tombstonedCalls = TIKTOK.videoListRequests(tombstonedId).size();
        awaitPolls(sentinel, 2);
        assertThat(TIKTOK.videoListRequests(revokedId)).hasSize(revokedCalls);
        assertThat(TIKTOK.videoListRequests(tombstonedId)).hasSize(tombstonedCalls);
    }

    @Test
    void aRefreshedTokenFromANewGrantIsPolledWithAtOnce() {
        String openId = uniqueOpenId();
        String oldToken = uniqueToken();
        FakeTikTok.Creator creator = TIKTOK.creator(openId, oldToken);
        List<String> ids = videos(creator, 2);
        String connectionId = "creator-" + openId;
        grantCreator(connectionId, openId, oldToken, NOW.minus(Duration.ofMinutes(30)));
        eventually().untilAsserted(() -> assertThat(organic(connectionId)).hasSize(2));

        String newToken = uniqueToken();
        creator.addToken(newToken);
        grantCreator(connectionId, openId, newToken, NOW.minus(Duration.ofMinutes(10)));
        eventually().untilAsserted(() -> assertThat(TIKTOK.videoListRequests(openId))
                .anySatisfy(request -> assertThat(request.token()).isEqualTo(newToken)));
        creator.dropToken(oldToken);
        creator.count(ids.get(0), "view_count", 5000);

        eventually().untilAsserted(() -> assertThat(organic(connectionId)).hasSize(3));
        assertThat(organic(connectionId).get(2).data().counts()).containsEntry("view_count", 5000L);
        List<FakeTikTok.VideoListRequest> requests = TIKTOK.videoListRequests(openId);
        assertThat(requests.get(requests.size() - 1).token()).isEqualTo(newToken);
        assertThat(apiErrors(connectionId)).isEmpty();
        assertThat(overview(connectionId).status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void anInvalidTokenIsReportedAsAnAuthErrorAndStopsPollingUntilANewGrant() {
        String openId = uniqueOpenId();
        String token = uniqueToken();
        FakeTikTok.Creator creator = TIKTOK.creator(openId, token);
        videos(creator, 1);
        creator.dropToken(token);
        String connectionId = "creator-" + openId;

        grantCreator(connectionId, openId, token, NOW.minus(Duration.ofMinutes(30)));

        eventually().untilAsserted(() -> assertThat(apiErrors(connectionId)).isNotEmpty());
        ApiErrorOccurred error = apiErrors(connectionId).get(0).data();
        assertThat(error.code()).isEqualTo(40105);
        assertThat(error.httpStatus()).isEqualTo(401);
        assertThat(error.endpoint()).isEqualTo(FakeTikTok.VIDEO_LIST);
        assertThat(error.retryable()).isFalse();
        assertThat(error.advertiserId()).isEqualTo(openId);
        assertThat(error.message()).contains("access_token_invalid").doesNotContain(token);
        eventually().untilAsserted(() -> assertThat(overview(connectionId).status())
                .isEqualTo(ConnectionStatus.NEEDS_REAUTH));
        assertThat(organic(connectionId)).isEmpty();

        String refreshed = uniqueToken();
        creator.addToken(refreshed);
        grantCreator(connectionId, openId, refreshed, NOW.minus(Duration.ofMinutes(5)));
        eventually().untilAsserted(() -> assertThat(organic(connectionId)).hasSize(1));
        assertThat(overview(connectionId).status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void aRateLimitedListIsRetriedAndAnOperatorCanAskForAPoll() {
        String openId = uniqueOpenId();
        String token = uniqueToken();
        FakeTikTok.Creator creator = TIKTOK.creator(openId, token);
        videos(creator, 1);
        TIKTOK.failNextVideoList(openId, "rate_limit_exceeded", 2);
        String connectionId = "creator-" + openId;

        grantCreator(connectionId, openId, token, NOW.minus(Duration.ofMinutes(30)));

        eventually().untilAsserted(() -> assertThat(organic(connectionId)).hasSize(1));
        assertThat(apiErrors(connectionId)).isEmpty();
        web.post().uri("/api/ingest/connections/{id}/sync", connectionId).exchange().expectStatus().isAccepted();
    }

    private void awaitPolls(String openId, int polls) {
        long before = firstPages(openId);
        eventually().until(() -> firstPages(openId) >= before + polls);
    }

    private static long firstPages(String openId) {
        return TIKTOK.videoListRequests(openId).stream().filter(request -> request.cursor() == null).count();
    }

    /** Adds {@code count} videos an hour apart from {@link #FIRST_POST}, the i-th with 1000+i views; returns their ids, oldest first. */
    private static List<String> videos(FakeTikTok.Creator creator, int count) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = uniqueVideoId();
            creator.video(id, FIRST_POST + i * 3600L, 1000L + i, 100L, 10L, 5L);
            ids.add(id);
        }
        return ids;
    }

    private static EventEnvelope<OrganicVideoObserved> byVideo(List<EventEnvelope<OrganicVideoObserved>> events,
            String videoId) {
        Map<String, EventEnvelope<OrganicVideoObserved>> byId = events.stream()
                .collect(Collectors.toMap(e -> e.data().videoId(), e -> e, (a, b) -> a));
        return byId.get(videoId);
    }

    private static List<String> concat(List<String> ids, String last) {
        List<String> all = new java.util.ArrayList<>(ids);
        all.add(last);
        return all;
    }

    private static String uniqueOpenId() {
        return UUID.randomUUID().toString();
    }

    private static String uniqueVideoId() {
        return Long.toString(VIDEO_IDS.incrementAndGet());
    }
}
