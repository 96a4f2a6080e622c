package io.adpulse.alerting.privacy;

import io.adpulse.alerting.config.AlertingProperties;
import io.adpulse.alerting.schedule.PeriodicTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every {@code adpulse.alerting.retention.check-interval}, deletes the TikTok API errors older than
 * {@code adpulse.alerting.retention.api-errors} (default 14 days), {@value #BATCH} rows per statement so a large
 * backlog never holds a long lock. The {@code api-error-rate} rule only counts errors inside its window, which the
 * retention never cuts into.
 */
@Component
class ApiErrorRetention extends PeriodicTask {

    /** Rows deleted per statement; a round repeats until fewer are left. */
    static final int BATCH = 5000;

    private static final Logger log = LoggerFactory.getLogger(ApiErrorRetention.class);

    private final DatabaseClient db;
    private final Clock clock;
    private final Duration keep;

    ApiErrorRetention(DatabaseClient db, Clock clock, RetentionProperties retention, AlertingProperties alerting) {
        super("api error retention", retention.checkInterval());
        this.db = db;
        this.clock = clock;
        Duration window = alerting.health().apiErrorWindow();
        this.keep = retention.apiErrors().compareTo(window) < 0 ? window : retention.apiErrors();
    }

    @Override
    protected Mono<Long> runOnce() {
        return purge(clock.instant());
    }

    /** Deletes the errors that occurred more than the retention before {@code now}; emits how many. */
    Mono<Long> purge(Instant now) {
        Instant cutoff = now.minus(keep);
        return deleteBatch(cutoff)
                .expand(deleted -> deleted < BATCH ? Mono.empty() : deleteBatch(cutoff))
                .reduce(0L, Long::sum)
                .doOnNext(total -> {
                    if (total > 0) {
                        log.info("Retention: deleted {} TikTok API error(s) that occurred before {}", total, cutoff);
                    }
                });
    }

    private Mono<Long> deleteBatch(Instant cutoff) {
        return db.sql("""
                delete from api_error where event_id in
                    (select event_id from api_error where occurred_at < :cutoff limit :batch)
                """)
                .bind("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .bind("batch", BATCH)
                .fetch().rowsUpdated();
    }
}
