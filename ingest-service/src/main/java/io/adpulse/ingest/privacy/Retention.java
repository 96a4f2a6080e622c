package io.adpulse.ingest.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every {@code adpulse.ingest.retention.check-interval}, deletes what is past its retention ({@link RetentionSettings}):
 * finished sync runs but each connection's latest, published webhook notifications, and old daily quota counts.
 * Each table is cleaned {@value #BATCH} rows per statement, so a large backlog never holds a long lock. Rounds never
 * overlap; a failed round is logged and tried again on the next. Several instances may run it at once: they delete
 * the same rows, which is harmless.
 */
@Component
public class Retention implements SmartLifecycle {

    /** Rows deleted per statement; a table is cleaned again until fewer are left. */
    static final int BATCH = 5000;

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final DatabaseClient db;
    private final Clock clock;
    private final RetentionSettings settings;
    private volatile Disposable rounds;

    Retention(DatabaseClient db, Clock clock, RetentionSettings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    /** One round at {@code now}: emits the rows deleted per table. */
    public Mono<Map<String, Long>> purge(Instant now) {
        Map<String, Long> deleted = new LinkedHashMap<>();
        return drain("""
                delete from sync_run where id in (
                    select r.id from sync_run r
                     where r.finished_at < :cutoff
                       and r.id <> (select max(l.id) from sync_run l where l.connection_id = r.connection_id)
                     limit :batch)
                """, now.minus(settings.syncRuns()))
                .doOnNext(n -> deleted.put("sync_run", n))
                .then(drain("""
                        delete from webhook_inbox where delivery_id in (
                            select delivery_id from webhook_inbox
                             where published_at is not null and received_at < :cutoff limit :batch)
                        """, now.minus(settings.webhooks())))
                .doOnNext(n -> deleted.put("webhook_inbox", n))
                .then(db.sql("delete from tiktok_daily_quota where day < :day")
                        .bind("day", LocalDate.ofInstant(now.minus(settings.quotaDays()), ZoneOffset.UTC))
                        .fetch().rowsUpdated())
                .doOnNext(n -> deleted.put("tiktok_daily_quota", n))
                .then(Mono.fromSupplier(() -> deleted));
    }

    private Mono<Long> drain(String sql, Instant cutoff) {
        Mono<Long> batch = Mono.defer(() -> db.sql(sql)
                .bind("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .bind("batch", BATCH)
                .fetch().rowsUpdated());
        return batch.expand(n -> n < BATCH ? Mono.empty() : batch).reduce(0L, Long::sum);
    }

    @Override
    public void start() {
        rounds = Flux.interval(settings.checkInterval(), settings.checkInterval())
                .onBackpressureDrop()
                .concatMap(tick -> purge(clock.instant())
                        .doOnNext(deleted -> {
                            if (deleted.values().stream().anyMatch(n -> n > 0)) {
                                log.info("Retention: deleted {}", deleted);
                            }
                        })
                        .onErrorResume(e -> {
                            log.warn("Retention round failed, retrying on the next round: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = rounds;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable current = rounds;
        return current != null && !current.isDisposed();
    }
}
