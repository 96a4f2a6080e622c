package io.adpulse.reporting.metric;

import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Granularity;
import io.adpulse.events.MetricObserved;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies metric observations to the daily and hourly metrics, for every entity level alike (advertiser and
 * campaign today, ad group and ad as soon as ingest emits them).
 *
 * <p>Rules: a row holds the latest observation of its natural key (advertiser, level, entity, date);
 * a restatement (a later {@code observedAt}) replaces it entirely; an older observation arriving late is
 * ignored; a redelivery is a no-op, so nothing is ever counted twice. Hourly observations follow the same
 * rules in their own table, keyed by (advertiser, level, entity, date, hour); they are never added into the
 * daily rows, which TikTok reports on their own.
 *
 * <p>Why the natural-key upsert and no processed-event table: a table of event ids only recognises the
 * very same event again. It cannot tell that a different event about the same key is older than what is
 * stored, and listeners returning {@code Mono} process the records of a poll concurrently, so reordering
 * is real. The upsert guarded by {@code observedAt} handles redelivery, reordering and restatement with
 * one atomic statement and no extra table to grow and prune. The id of the event that wrote a row is
 * kept on the row for tracing.
 */
@Service
class MetricObservations {

    private static final Logger log = LoggerFactory.getLogger(MetricObservations.class);

    enum Outcome { APPLIED, STALE }

    private final DailyMetricRepository daily;
    private final HourlyMetricRepository hourly;
    private final TransactionalOperator transactions;
    private final MeterRegistry meters;

    MetricObservations(DailyMetricRepository daily, HourlyMetricRepository hourly, TransactionalOperator transactions,
            MeterRegistry meters) {
        this.daily = daily;
        this.hourly = hourly;
        this.transactions = transactions;
        this.meters = meters;
    }

    /** One observation turned into the row it writes: exactly one of {@code daily} and {@code hourly} is set. */
    record Prepared(DailyMetric daily, HourlyMetric hourly) {
    }

    /**
     * The row {@code event} writes.
     *
     * @throws io.adpulse.events.InvalidEventException when the observation cannot be stored (e.g. an hour out of range)
     */
    Prepared prepare(EventEnvelope<MetricObserved> event) {
        return event.data().granularity() == Granularity.DAY
                ? new Prepared(DailyMetric.from(event), null)
                : new Prepared(null, HourlyMetric.from(event));
    }

    Mono<Outcome> apply(EventEnvelope<MetricObserved> event) {
        return Mono.fromCallable(() -> prepare(event))
                .flatMap(prepared -> applyAll(List.of(prepared)))
                .map(stored -> stored > 0 ? Outcome.APPLIED : Outcome.STALE);
    }

    /**
     * Applies many observations with one statement per table, both in one transaction: the batch is stored entirely or
     * not at all. Of several observations of one key in the batch only the latest is written (the others could not win
     * against it anyway); emits how many rows were stored.
     */
    Mono<Long> applyAll(List<Prepared> batch) {
        Map<List<Object>, DailyMetric> days = new LinkedHashMap<>();
        Map<List<Object>, HourlyMetric> hours = new LinkedHashMap<>();
        for (Prepared prepared : batch) {
            if (prepared.daily() != null) {
                DailyMetric m = prepared.daily();
                days.merge(List.of(m.advertiserId(), m.level(), m.entityId(), m.statDate()), m,
                        (a, b) -> b.observedAt().isAfter(a.observedAt()) ? b : a);
            } else {
                HourlyMetric m = prepared.hourly();
                hours.merge(List.of(m.advertiserId(), m.level(), m.entityId(), m.statDate(), m.statHour()), m,
                        (a, b) -> b.observedAt().isAfter(a.observedAt()) ? b : a);
            }
        }
        if (days.isEmpty() && hours.isEmpty()) {
            return Mono.just(0L);
        }
        return daily.upsertAllIfNewer(List.copyOf(days.values()))
                .zipWith(Mono.defer(() -> hourly.upsertAllIfNewer(List.copyOf(hours.values()))), Long::sum)
                .as(transactions::transactional)
                .doOnNext(stored -> {
                    count(Outcome.APPLIED, stored);
                    count(Outcome.STALE, batch.size() - stored);
                    log.debug("{} metric observations: {} stored", batch.size(), stored);
                });
    }

    private void count(Outcome outcome, long n) {
        meters.counter("adpulse.reporting.observations", "kind", "metric", "outcome", outcome.name().toLowerCase())
                .increment(n);
    }
}
