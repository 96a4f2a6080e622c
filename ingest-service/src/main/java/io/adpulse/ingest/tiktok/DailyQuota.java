package io.adpulse.ingest.tiktok;

import io.adpulse.ingest.config.IngestSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The app's daily TikTok call budget (QPD), counted in PostgreSQL per UTC day so that every instance and every
 * connection draws from the same one; TikTok resets it at 00:00 UTC, and so does this. A call takes one unit before it
 * is sent; when the day's budget is spent, calls fail at once with {@link TikTokQuotaExhaustedException} (not sent,
 * not counted) until midnight UTC, instead of being answered 40100 by TikTok all day.
 */
@Component
class DailyQuota {

    private final DatabaseClient db;
    private final Clock clock;
    private final String appId;
    private final long limit;
    private final AtomicLong usedToday = new AtomicLong();

    DailyQuota(DatabaseClient db, Clock clock, IngestSettings settings, MeterRegistry meters) {
        this.db = db;
        this.clock = clock;
        this.appId = settings.tiktok().appId();
        this.limit = settings.tiktok().qpd();
        Gauge.builder("adpulse.tiktok.quota.used", usedToday, AtomicLong::get)
                .description("TikTok API calls the app made today (UTC) against its daily quota")
                .register(meters);
        Gauge.builder("adpulse.tiktok.quota.limit", () -> limit)
                .description("The app's daily TikTok API call quota")
                .register(meters);
    }

    /** Takes one call from today's budget, or fails with {@link TikTokQuotaExhaustedException} for {@code endpoint}. */
    Mono<Void> acquire(String endpoint) {
        return Mono.defer(() -> {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            return db.sql("""
                    insert into tiktok_daily_quota (app_id, day, used) values (:app, :day, 1)
                    on conflict (app_id, day) do update set used = tiktok_daily_quota.used + 1
                     where tiktok_daily_quota.used < :limit
                    returning used
                    """)
                    .bind("app", appId)
                    .bind("day", today)
                    .bind("limit", limit)
                    .map(row -> row.get("used", Long.class))
                    .one()
                    .doOnNext(usedToday::set)
                    .switchIfEmpty(Mono.error(() -> exhausted(endpoint, today)))
                    .then();
        });
    }

    private TikTokQuotaExhaustedException exhausted(String endpoint, LocalDate today) {
        usedToday.set(limit);
        Duration untilReset = Duration.between(clock.instant(), today.plusDays(1).atStartOfDay(ZoneOffset.UTC));
        return new TikTokQuotaExhaustedException(endpoint, "The app's daily TikTok quota of " + limit
                + " calls is spent; calls resume at 00:00 UTC (in " + untilReset.toMinutes() + " min)", untilReset);
    }
}
