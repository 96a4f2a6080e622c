package io.adpulse.ingest.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.ingest.IngestServiceTestBase;
import io.adpulse.ingest.config.IngestSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** The app's daily call budget, counted in the service's PostgreSQL and reset at 00:00 UTC. */
class DailyQuotaTest extends IngestServiceTestBase {

    private static final Instant BEFORE_MIDNIGHT = Instant.parse("2026-11-20T23:59:00Z");

    @Autowired
    DatabaseClient database;
    @Autowired
    IngestSettings settings;

    @Test
    void callsBeyondTheDailyBudgetFailUntilMidnightUtcWithoutBeingCounted() {
        String app = "app-" + UUID.randomUUID();
        DailyQuota quota = quota(app, 3, Clock.fixed(BEFORE_MIDNIGHT, ZoneOffset.UTC));
        DailyQuota otherInstance = quota(app, 3, Clock.fixed(BEFORE_MIDNIGHT, ZoneOffset.UTC));

        quota.acquire("/campaign/get/").block();
        otherInstance.acquire("/campaign/get/").block();
        quota.acquire("/campaign/get/").block();

        assertThatThrownBy(() -> otherInstance.acquire("/report/integrated/get/").block())
                .isInstanceOfSatisfying(TikTokQuotaExhaustedException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.retryAfter()).contains(Duration.ofMinutes(1));
                    assertThat(e.getMessage()).contains("00:00 UTC").contains("3 calls");
                });
        assertThat(usedOn(app, "2026-11-20")).as("refused calls are not counted").isEqualTo(3);

        DailyQuota nextDay = quota(app, 3, Clock.fixed(BEFORE_MIDNIGHT.plusSeconds(90), ZoneOffset.UTC));
        nextDay.acquire("/campaign/get/").block();
        assertThat(usedOn(app, "2026-11-21")).isEqualTo(1);
        assertThat(quota(app + "-other", 3, Clock.fixed(BEFORE_MIDNIGHT, ZoneOffset.UTC)).acquire("/ad/get/")
                .then().block()).as("another app has its own budget").isNull();
    }

    private long usedOn(String app, String day) {
        return database.sql("select used from tiktok_daily_quota where app_id = :app and day = cast(:day as date)")
                .bind("app", app).bind("day", day)
                .map(row -> row.get("used", Long.class)).one().block();
    }

    private DailyQuota quota(String app, long limit, Clock clock) {
        IngestSettings.TikTok t = settings.tiktok();
        IngestSettings.TikTok tiktok = new IngestSettings.TikTok(t.baseUrl(), t.openApiBaseUrl(), t.displayQpm(), app, t.appSecret(), t.qps(), t.qpm(),
                limit, t.advertiserQps(), t.rateLimitWait(), t.connectTimeout(), t.responseTimeout(), t.maxAttempts(),
                t.initialBackoff(), t.maxBackoff(), t.circuitFailureRate(), t.circuitOpenDuration(), t.backfillShare());
        IngestSettings custom = new IngestSettings(settings.pollInterval(), settings.backfillDays(),
                settings.attributionLookbackDays(), settings.hourlyDays(), settings.syncConcurrency(),
                settings.onDemandBatchWait(), settings.transitKeys(), tiktok);
        return new DailyQuota(database, clock, custom, new SimpleMeterRegistry());
    }
}
