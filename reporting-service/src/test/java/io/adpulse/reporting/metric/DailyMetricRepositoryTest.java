package io.adpulse.reporting.metric;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.reporting.TestDatabase;
import io.adpulse.reporting.TestIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void batchStoresEveryNewerRowWithItsExactValuesAndSkipsTheStaleOnes() {
        upsert(metric(T2, MetricEvents.values("spend", "5.00")), true);
        // entity ids with the characters an array literal quotes; amounts with many digits, an exponent and nulls
        String[] entities = {"c1", "c \"quoted\", {braced} \\ back", "NULL", ""};
        List<DailyMetric> batch = new ArrayList<>();
        batch.add(metric(T1, MetricEvents.values("spend", "999.00"))); // c1 is stored as of T2: stale
        for (int i = 1; i < entities.length; i++) {
            batch.add(DailyMetric.from(MetricEvents.daily(advertiserId, entities[i], "2026-11-19", T1,
                    MetricEvents.values("spend", "123456789012.123456", "impressions", "1E+3", "clicks", "0"),
                    "conversion")));
        }

        StepVerifier.create(repository.upsertAllIfNewer(batch)).expectNext(3L).verifyComplete();

        List<Map<String, Object>> rows = db.sql("select entity_id, spend, impressions, clicks, conversions, reach, "
                        + "observed_at from daily_metric where advertiser_id = :a order by entity_id")
                .bind("a", advertiserId).fetch().all().collectList().block();
        assertThat(rows).extracting(row -> row.get("entity_id"))
                .containsExactlyInAnyOrder((Object[]) entities);
        for (Map<String, Object> row : rows) {
            if ("c1".equals(row.get("entity_id"))) {
                assertThat((BigDecimal) row.get("spend")).isEqualByComparingTo("5.00");
                continue;
            }
            assertThat((BigDecimal) row.get("spend")).isEqualByComparingTo("123456789012.123456");
            assertThat((BigDecimal) row.get("impressions")).isEqualByComparingTo("1000");
            assertThat((BigDecimal) row.get("clicks")).isEqualByComparingTo("0");
            assertThat(row.get("conversions")).as("missing").isNull();
            assertThat(row.get("reach")).as("absent").isNull();
            assertThat(((java.time.OffsetDateTime) row.get("observed_at")).toInstant()).isEqualTo(T1);
        }
    }
}
