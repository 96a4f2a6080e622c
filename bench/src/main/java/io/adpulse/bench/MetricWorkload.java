package io.adpulse.bench;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Granularity;
import io.adpulse.events.MetricObserved;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code n} MetricObserved events as ingest-service publishes them: 50 advertisers in four currencies and time
 * zones, campaigns and ads, a fifth of them hourly, over as many recent days as the volume needs; about one in ten
 * is a restatement (a later observation of a key seen before, with other figures), so the consumer does real
 * upserts. Deterministic for a given {@code n}.
 *
 * <p>What "all applied" looks like is known in advance: {@link #expectedDailyRows()}, {@link #expectedHourlyRows()}
 * and {@link #expectedImpressions()} (the sum over the latest observation of every key).
 */
final class MetricWorkload {

    static final int ADVERTISERS = 50;
    static final int ENTITIES_PER_ADVERTISER = 200;
    static final int CAMPAIGNS_PER_ADVERTISER = 20;
    private static final String[][] ACCOUNTS = {{"USD", "America/Los_Angeles"}, {"EUR", "Europe/Berlin"},
        {"JPY", "Asia/Tokyo"}, {"GBP", "Europe/London"}};
    private static final LocalDate LAST_DAY = LocalDate.parse("2026-11-24");
    private static final Instant T0 = Instant.parse("2026-11-25T06:00:00Z");

    private final List<EventEnvelope<MetricObserved>> events;
    private final long expectedDailyRows;
    private final long expectedHourlyRows;
    private final BigDecimal expectedImpressions;

    private MetricWorkload(List<EventEnvelope<MetricObserved>> events, long dailyRows, long hourlyRows,
            BigDecimal impressions) {
        this.events = events;
        this.expectedDailyRows = dailyRows;
        this.expectedHourlyRows = hourlyRows;
        this.expectedImpressions = impressions;
    }

    static MetricWorkload generate(int n) {
        return generate(n, 0);
    }

    /**
     * As {@link #generate(int)}, with advertiser ids shifted by {@code advertiserOffset} blocks of
     * {@link #ADVERTISERS}, so that a warm-up workload touches no key of the measured one.
     */
    static MetricWorkload generate(int n, int advertiserOffset) {
        Random random = new Random(n + 31L * advertiserOffset);
        int restatements = n / 10;
        int uniqueKeys = n - restatements;
        List<EventEnvelope<MetricObserved>> events = new ArrayList<>(n);
        Map<String, MetricObserved> latest = new HashMap<>();
        List<MetricObserved> firsts = new ArrayList<>(uniqueKeys);
        for (int k = 0; k < uniqueKeys; k++) {
            MetricObserved data = observation(k, advertiserOffset, T0, random);
            firsts.add(data);
            events.add(envelope(data));
            latest.put(data.naturalKey(), data);
        }
        for (int r = 0; r < restatements; r++) {
            int k = random.nextInt(uniqueKeys);
            MetricObserved earlier = latest.get(firsts.get(k).naturalKey());
            MetricObserved data = observation(k, advertiserOffset, earlier.observedAt().plusSeconds(3600), random);
            events.add(envelope(data));
            latest.put(data.naturalKey(), data);
        }
        Collections.shuffle(events, random);
        long daily = latest.values().stream().filter(m -> m.granularity() == Granularity.DAY).count();
        BigDecimal impressions = latest.values().stream().map(m -> m.metrics().get("impressions"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new MetricWorkload(List.copyOf(events), daily, latest.size() - daily, impressions);
    }

    /** The observation of unique key {@code k} made at {@code observedAt}, with random figures. */
    private static MetricObserved observation(int k, int advertiserOffset, Instant observedAt, Random random) {
        int advertiser = k % ADVERTISERS + advertiserOffset * ADVERTISERS;
        int rest = k / ADVERTISERS;
        int entity = rest % ENTITIES_PER_ADVERTISER;
        int day = rest / ENTITIES_PER_ADVERTISER;
        String advertiserId = Long.toString(7_000_000_000_000_000_000L + advertiser);
        EntityLevel level = entity < CAMPAIGNS_PER_ADVERTISER ? EntityLevel.CAMPAIGN : EntityLevel.AD;
        String entityId = Long.toString((level == EntityLevel.CAMPAIGN ? 1_800_000_000_000_000_000L
                : 1_900_000_000_000_000_000L) + advertiser * 1000L + entity);
        boolean hourly = k % 5 == 0;
        String[] account = ACCOUNTS[advertiser % ACCOUNTS.length];
        long impressions = 1000 + random.nextInt(100_000);
        long clicks = impressions / (20 + random.nextInt(80));
        Map<String, BigDecimal> metrics = new LinkedHashMap<>();
        metrics.put("spend", BigDecimal.valueOf(random.nextInt(5_000_000), 2));
        metrics.put("impressions", BigDecimal.valueOf(impressions));
        metrics.put("clicks", BigDecimal.valueOf(clicks));
        metrics.put("reach", BigDecimal.valueOf(impressions * 7 / 10));
        metrics.put("conversion", BigDecimal.valueOf(clicks / 30));
        metrics.put("total_purchase_value", BigDecimal.valueOf(random.nextInt(9_000_000), 2));
        List<String> missing = List.of();
        if (random.nextInt(10) == 0) {
            missing = List.of("video_play_actions");
        } else {
            metrics.put("video_play_actions", BigDecimal.valueOf(impressions / 4));
        }
        return new MetricObserved("conn-" + advertiserId, advertiserId, level, entityId,
                hourly ? Granularity.HOUR : Granularity.DAY, LAST_DAY.minusDays(day), hourly ? (k / 5) % 24 : null,
                account[1], account[0], metrics, missing, observedAt);
    }

    private static EventEnvelope<MetricObserved> envelope(MetricObserved data) {
        return EventEnvelope.of("/adpulse/ingest-service", data.advertiserId(), data.observedAt(), data,
                data.naturalKey(), data.observedAt());
    }

    List<EventEnvelope<MetricObserved>> events() {
        return events;
    }

    /** Every event encoded by {@link EventCodec}, as the Kafka record values ingest-service produces. */
    List<byte[]> encoded(EventCodec codec) {
        List<byte[]> values = new ArrayList<>(events.size());
        for (EventEnvelope<MetricObserved> e : events) {
            values.add(codec.encode(e));
        }
        return values;
    }

    int size() {
        return events.size();
    }

    long expectedDailyRows() {
        return expectedDailyRows;
    }

    long expectedHourlyRows() {
        return expectedHourlyRows;
    }

    BigDecimal expectedImpressions() {
        return expectedImpressions;
    }
}
