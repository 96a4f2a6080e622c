package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.ingest.privacy.Retention;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The retention job keeps finished sync runs, published webhook notifications and daily quota counts 14 days by
 * default; a connection's latest run and an unpublished notification stay whatever their age.
 */
class RetentionTest extends IngestServiceTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    Retention retention;

    @Test
    void deletesSyncRunsWebhooksAndQuotaCountsPastFourteenDaysButKeepsEachConnectionsLatestRun() {
        String old = "conn-" + uniqueAdvertiserId();
        String recent = "conn-" + uniqueAdvertiserId();
        connection(old);
        connection(recent);
        long oldest = run(old, NOW.minus(Duration.ofDays(20)), "TikTok 50002: internal error");
        long older = run(old, NOW.minus(Duration.ofDays(15)), null);
        long latest = run(old, NOW.minus(Duration.ofDays(15)).plusSeconds(60), null);
        long fresh = run(recent, NOW.minus(Duration.ofDays(13)), "TikTok 40100: rate limited");
        String openId = UUID.randomUUID().toString();
        String publishedOld = webhook(openId, NOW.minus(Duration.ofDays(15)), true);
        String unpublishedOld = webhook(openId, NOW.minus(Duration.ofDays(15)), false);
        String publishedRecent = webhook(openId, NOW.minus(Duration.ofDays(1)), true);
        String app = "app-" + UUID.randomUUID();
        quota(app, LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(20));
        quota(app, LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(1));

        var deleted = retention.purge(NOW).block(TIMEOUT);

        assertThat(deleted.get("sync_run")).isGreaterThanOrEqualTo(2);
        assertThat(ids("select id::text from sync_run where connection_id in (:a, :b) order by id", old, recent))
                .containsExactly(Long.toString(latest), Long.toString(fresh))
                .doesNotContain(Long.toString(oldest), Long.toString(older));
        assertThat(ids("select delivery_id from webhook_inbox where user_open_id = :a or user_open_id = :b"
                + " order by delivery_id", openId, openId))
                .containsExactlyInAnyOrder(unpublishedOld, publishedRecent);
        assertThat(ids("select day::text from tiktok_daily_quota where app_id in (:a, :b)", app, app))
                .containsExactly(LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(1).toString());
    }

    private void connection(String id) {
        db.sql("insert into connection (id, advertiser_id, status, granted_at, updated_at, status_reason)"
                        + " values (:c, :c, 'REVOKED', now(), now(), 'DISCONNECTED_BY_OPERATOR')")
                .bind("c", id).fetch().rowsUpdated().block(TIMEOUT);
    }

    private long run(String connectionId, Instant finishedAt, String error) {
        var spec = db.sql("insert into sync_run (connection_id, reason, requested_by, started_at, finished_at, result,"
                        + " error) values (:c, 'SCHEDULE', 'system', :at, :at, :result, :error) returning id")
                .bind("c", connectionId).bind("at", finishedAt.atOffset(ZoneOffset.UTC))
                .bind("result", error == null ? "SUCCEEDED" : "FAILED");
        spec = error == null ? spec.bindNull("error", String.class) : spec.bind("error", error);
        return spec.map(row -> row.get(0, Long.class)).one().block(TIMEOUT);
    }

    private String webhook(String openId, Instant receivedAt, boolean published) {
        String id = "delivery-" + UUID.randomUUID();
        db.sql("insert into webhook_inbox (delivery_id, event, user_open_id, record_key, payload, received_at,"
                        + " published_at) values (:id, 'video.publish.completed', :o, :o, :p, :at,"
                        + (published ? ":at" : "null") + ")")
                .bind("id", id).bind("o", openId).bind("p", java.nio.ByteBuffer.wrap(new byte[] {'{', '}'}))
                .bind("at", receivedAt.atOffset(ZoneOffset.UTC)).fetch().rowsUpdated().block(TIMEOUT);
        return id;
    }

    private void quota(String app, LocalDate day) {
        db.sql("insert into tiktok_daily_quota (app_id, day, used) values (:a, :d, 5)")
                .bind("a", app).bind("d", day).fetch().rowsUpdated().block(TIMEOUT);
    }

    private List<String> ids(String sql, String a, String b) {
        return db.sql(sql).bind("a", a).bind("b", b).map(row -> row.get(0, String.class)).all().collectList()
                .block(TIMEOUT);
    }
}
