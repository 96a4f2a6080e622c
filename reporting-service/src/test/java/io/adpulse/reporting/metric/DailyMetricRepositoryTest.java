package io.adpulse.reporting.metric;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.reporting.TestDatabase;
import io.adpulse.reporting.TestIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

class DailyMetricRepositoryTest {

    private static final Instant T1 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-21T09:00:00Z");

    private final DatabaseClient db = TestDatabase.client();
    private final DailyMetricRepository repository = new DailyMetricRepository(db);
    private String advertiserId;

    @BeforeEach
    void newAdvertiser() {
        advertiserId = TestIds.next();
    }

    private DailyMetric metric(Instant observedAt, Map<String, BigDecimal> values, String... missing) {
        return DailyMetric.from(MetricEvents.daily(advertiserId, "c1", "2026-11-19", observedAt, values, missing));
    }

    private void upsert(DailyMetric metric, boolean expectStored) {
        StepVerifier.create(repository.upsertIfNewer(metric)).expectNext(expectStored).verifyComplete();
    }

    private Map<String, Object> storedRow() {
        return db.sql("select spend, clicks, conversions, observed_at, event_id, "
                        + "(select count(*) from daily_metric where advertiser_id = :a) as row_count "
                        + "from daily_metric where advertiser_id = :a")
                .bind("a", advertiserId).fetch().one().block();
    }

    @Test
    void redeliveryOfTheSameObservationIsStoredOnce() {
        DailyMetric first = metric(T1, MetricEvents.values("spend", "10.00", "clicks", "4", "conversion", "1"));

        upsert(first, true);
        upsert(first, false);

        Map<String, Object> row = storedRow();
        assertThat(row.get("row_count")).isEqualTo(1L);
        assertThat((BigDecimal) row.get("spend")).isEqualByComparingTo("10.00");
        assertThat(row.get("event_id")).isEqualTo(first.eventId());
    }

    @Test
    void restatementReplacesTheWholeRow() {
        upsert(metric(T1, MetricEvents.values("spend", "10.00", "clicks", "4", "conversion", "1")), true);
        DailyMetric restated = metric(T2, MetricEvents.values("spend", "12.50", "clicks", "5"), "conversion");

        upsert(restated, true);

        Map<String, Object> row = storedRow();
        assertThat(row.get("row_count")).isEqualTo(1L);
        assertThat((BigDecimal) row.get("spend")).isEqualByComparingTo("12.50");
        assertThat((BigDecimal) row.get("clicks")).isEqualByComparingTo("5");
        assertThat(row.get("conversions")).as("missing in the restatement").isNull();
        assertThat(row.get("event_id")).isEqualTo(restated.eventId());
    }

    @Test
    void olderObservationArrivingLateIsIgnored() {
        DailyMetric latest = metric(T2, MetricEvents.values("spend", "12.50"));
        upsert(latest, true);

        upsert(metric(T1, MetricEvents.values("spend", "999.00")), false);

        Map<String, Object> row = storedRow();
        assertThat((BigDecimal) row.get("spend")).isEqualByComparingTo("12.50");
        assertThat(row.get("event_id")).isEqualTo(latest.eventId());
    }
}
