package io.adpulse.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.EventEnvelope;
import io.adpulse.events.OrganicVideoObserved;
import io.adpulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code tiktok.organic.v1} into {@code organic_video}, and the organic video list and overview. */
class OrganicVideosApiTest extends ReportingServiceTest {

    private static final Instant T1 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-20T11:00:00Z");

    @Test
    void theLatestCountsOfEveryVideoAreListedSortedAndSummedWithMissingKeptMissing() {
        String openId = UUID.randomUUID().toString();
        String connectionId = "creator-" + openId;
        kafka.publish(video(connectionId, openId, "7300000000000000011", "2026-10-01T08:00:00Z", T1,
                counts(100, 10, 1, 1)));
        kafka.publish(video(connectionId, openId, "7300000000000000011", "2026-10-01T08:00:00Z", T2,
                counts(1000, 80, 12, 8)));
        kafka.publish(video(connectionId, openId, "7300000000000000011", "2026-10-01T08:00:00Z", T1,
                counts(100, 10, 1, 1)));
        kafka.publish(video(connectionId, openId, "7300000000000000012", "2026-11-01T08:00:00Z", T1,
                counts(500, 200, 5, 5)));
        Map<String, Long> noShares = counts(300, 30, 3, 0);
        noShares.remove("share_count");
        kafka.publish(video(connectionId, openId, "7300000000000000013", "2026-11-10T08:00:00Z", T1, noShares,
                "share_count"));
        kafka.awaitConsumed(Topics.ORGANIC);

        web.get().uri("/api/reporting/organic/videos?openId={o}", openId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sort").isEqualTo("views")
                .jsonPath("$.videos.length()").isEqualTo(3)
                .jsonPath("$.videos[0].videoId").isEqualTo("7300000000000000011")
                .jsonPath("$.videos[0].views").isEqualTo("1000")
                .jsonPath("$.videos[0].likes").isEqualTo("80")
                .jsonPath("$.videos[0].engagementRate").isEqualTo("0.1000")
                .jsonPath("$.videos[0].connectionId").isEqualTo(connectionId)
                .jsonPath("$.videos[0].title").isEqualTo("Video 7300000000000000011")
                .jsonPath("$.videos[1].videoId").isEqualTo("7300000000000000012")
                .jsonPath("$.videos[2].videoId").isEqualTo("7300000000000000013")
                .jsonPath("$.videos[2].shares").isEmpty()
                .jsonPath("$.videos[2].missing[0]").isEqualTo("shares")
                .jsonPath("$.videos[2].engagementRate").isEmpty();
        assertThat(order(openId, "likes")).containsExactly("7300000000000000012", "7300000000000000011",
                "7300000000000000013");
        assertThat(order(openId, "created")).containsExactly("7300000000000000013", "7300000000000000012",
                "7300000000000000011");
        web.get().uri("/api/reporting/organic/videos?connectionId={c}&sort=created", connectionId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.videos.length()").isEqualTo(3);

        web.get().uri("/api/reporting/organic/overview?openId={o}", openId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.videoCount").isEqualTo(3)
                .jsonPath("$.views").isEqualTo("1800")
                .jsonPath("$.likes").isEqualTo("310")
                .jsonPath("$.comments").isEqualTo("20")
                .jsonPath("$.shares").isEmpty()
                .jsonPath("$.missing[0]").isEqualTo("shares")
                .jsonPath("$.engagementRate").isEmpty()
                .jsonPath("$.lastObservedAt").isEqualTo(T2.toString());
    }

    @Test
    void theEngagementRateOfAnOverviewComesFromSumsAndAnUnknownCreatorHasNoTotals() {
        String openId = UUID.randomUUID().toString();
        String connectionId = "creator-" + openId;
        kafka.publish(video(connectionId, openId, "7300000000000000021", "2026-10-01T08:00:00Z", T1,
                counts(1000, 100, 0, 0)));
        kafka.publish(video(connectionId, openId, "7300000000000000022", "2026-10-02T08:00:00Z", T1,
                counts(3, 3, 0, 0)));
        kafka.awaitConsumed(Topics.ORGANIC);

        web.get().uri("/api/reporting/organic/overview?openId={o}", openId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.views").isEqualTo("1003")
                .jsonPath("$.shares").isEqualTo("0")
                .jsonPath("$.engagementRate").isEqualTo("0.1027")
                .jsonPath("$.missing.length()").isEqualTo(0);
        web.get().uri("/api/reporting/organic/overview?openId={o}", UUID.randomUUID().toString()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.videoCount").isEqualTo(0)
                .jsonPath("$.views").isEmpty()
                .jsonPath("$.engagementRate").isEmpty();
    }

    @Test
    void theVideosExportAsCsvAndJsonDownloads() {
        String openId = UUID.randomUUID().toString();
        String connectionId = "creator-" + openId;
        kafka.publish(video(connectionId, openId, "7300000000000000031", "2026-10-01T08:00:00Z", T1,
                counts(10, 1, 0, 0)));
        kafka.awaitConsumed(Topics.ORGANIC);

        String csv = web.get().uri("/api/reporting/organic/videos?openId={o}", openId)
                .accept(new MediaType("text", "csv")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().value("Content-Disposition", v -> assertThat(v).contains("organic-videos-" + openId))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).isEqualTo("connectionId,openId,videoId,createTime,title,shareUrl,durationSeconds,views,likes,"
                + "comments,shares,engagementRate,observedAt\r\n"
                + connectionId + "," + openId + ",7300000000000000031,2026-10-01T08:00:00Z,Video 7300000000000000031,"
                + "https://www.tiktok.com/@c/video/7300000000000000031,30,10,1,0,0,0.1000," + T1 + "\r\n");
        web.get().uri("/api/reporting/organic/videos?openId={o}&format=json", openId).exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Disposition", v -> assertThat(v).startsWith("attachment;"))
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].views").isEqualTo("10");
    }

    @Test
    void badQueriesAreProblems() {
        web.get().uri("/api/reporting/organic/videos").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("give 'openId' or 'connectionId'");
        web.get().uri("/api/reporting/organic/videos?openId=x&sort=shares").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("'sort'"));
        web.get().uri("/api/reporting/organic/videos?openId=x&format=xml").exchange().expectStatus().isBadRequest();
        web.get().uri("/api/reporting/organic/overview").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("'openId' is required");
    }

    @Test
    void aBadOrganicRecordIsDeadLetteredWithItsReasonAndLaterRecordsStillApply() {
        String openId = UUID.randomUUID().toString();
        String connectionId = "creator-" + openId;
        byte[] garbage = ("{\"broken\": \"" + openId + "\"").getBytes(StandardCharsets.UTF_8);
        EventEnvelope<OrganicVideoObserved> noVideoId = video(connectionId, openId, " ", "2026-10-01T08:00:00Z", T1,
                counts(1, 1, 1, 1));

        kafka.publish(Topics.ORGANIC, connectionId, garbage);
        kafka.publish(noVideoId);
        kafka.publish(video(connectionId, openId, "7300000000000000041", "2026-10-01T08:00:00Z", T1,
                counts(7, 1, 1, 1)));

        ConsumerRecord<String, byte[]> dead = kafka.awaitRecord(Topics.deadLetter(Topics.ORGANIC),
                r -> Arrays.equals(garbage, r.value()));
        assertThat(reason(dead)).startsWith("not a CloudEvents 1.0 JSON event");
        ConsumerRecord<String, byte[]> invalid = kafka.awaitRecord(Topics.deadLetter(Topics.ORGANIC),
                r -> connectionId.equals(r.key()) && !Arrays.equals(garbage, r.value()));
        assertThat(reason(invalid)).contains("videoId");
        kafka.awaitConsumed(Topics.ORGANIC);
        web.get().uri("/api/reporting/organic/videos?openId={o}", openId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.videos.length()").isEqualTo(1)
                .jsonPath("$.videos[0].views").isEqualTo("7");
    }

    private List<String> order(String openId, String sort) {
        return web.get().uri("/api/reporting/organic/videos?openId={o}&sort={s}", openId, sort).exchange()
                .expectStatus().isOk()
                .expectBody(OrganicList.class).returnResult().getResponseBody()
                .videos().stream().map(OrganicList.Row::videoId).toList();
    }

    record OrganicList(List<Row> videos) {
        record Row(String videoId) {
        }
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("adpulse-dlt-reason").value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Long> counts(long views, long likes, long comments, long shares) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("view_count", views);
        counts.put("like_count", likes);
        counts.put("comment_count", comments);
        counts.put("share_count", shares);
        return counts;
    }

    private static EventEnvelope<OrganicVideoObserved> video(String connectionId, String openId, String videoId,
            String created, Instant observedAt, Map<String, Long> counts, String... missing) {
        var data = new OrganicVideoObserved(connectionId, openId, videoId, Instant.parse(created),
                "Video " + videoId, "About " + videoId, "https://www.tiktok.com/@c/video/" + videoId, 30, counts,
                List.of(missing), observedAt);
        return EventEnvelope.of("/adpulse/ingest-service", connectionId, observedAt, data, connectionId, videoId,
                observedAt);
    }
}
