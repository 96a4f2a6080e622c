package io.adpulse.reporting.metric;

import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Granularity;
import io.adpulse.events.MetricObserved;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
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
    private final MeterRegistry meters;

    MetricObservations(DailyMetricRepository daily, HourlyMetricRepository hourly, MeterRegistry meters) {
        this.daily = daily;
        this.hourly = hourly;
        this.meters = meters;
    }

    Mono<Outcome> apply(EventEnvelope<MetricObserved> event) {
        MetricObserved observed = event.data();
        Mono<Boolean> stored = observed.granularity() == Granularity.DAY
                ? daily.upsertIfNewer(DailyMetric.from(event))
                : Mono.defer(() -> hourly.upsertIfNewer(HourlyMetric.from(event)));
        Mono<Outcome> outcome = stored.map(applied -> applied ? Outcome.APPLIED : Outcome.STALE);
        return outcome.doOnNext(result -> {
            meters.counter("adpulse.reporting.observations", "kind", "metric", "outcome", result.name().toLowerCase())
                    .increment();
            log.debug("metric {} observed at {}: {}", observed.naturalKey(), observed.observedAt(), result);
        });
    }
}
