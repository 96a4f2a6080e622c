package io.adpulse.reporting.metric;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.EntityLevel;
import io.adpulse.reporting.Observations;
import io.adpulse.reporting.TestDatabase;
import io.adpulse.reporting.TestIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

class HourlyMetricRepositoryTest {

    private static final Instant T1 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-21T09:00:00Z");

    private final DatabaseClient db = TestDatabase.client();
    private final HourlyMetricRepository repository = new HourlyMetricRepository(db);
    private String advertiserId;

    @BeforeEach
    void newAdvertiser() {
        advertiserId = TestIds.next();
    }

    private HourlyMetric metric(int hour, Instant observedAt, String spend) {
        return HourlyMetric.from(Observations.hourly(EntityLevel.AD, advertiserId, "ad1", "2026-11-19", hour, "UTC",
                "USD", observedAt, List.of(), "spend", spend));
    }

    private void upsert(HourlyMetric metric, boolean expectStored) {
        StepVerifier.create(repository.upsertIfNewer(metric)).expectNext(expectStored).verifyComplete();
    }

    private Map<String, Object> stored(int hour) {
        return db.sql("select spend, (select count(*) from hourly_metric where advertiser_id = :a) as row_count "
                        + "from hourly_metric where advertiser_id = :a and stat_hour = :h")
                .bind("a", advertiserId).bind("h", hour).fetch().one().block();
    }

    @Test
    void keepsOneRowPerHourWithTheLatestObservation() {
        upsert(metric(9, T1, "1.00"), true);
        upsert(metric(9, T1, "1.00"), false);
        upsert(metric(9, T2, "1.50"), true);
        upsert(metric(9, T1, "9.99"), false);
        upsert(metric(10, T1, "2.00"), true);

        assertThat((BigDecimal) stored(9).get("spend")).isEqualByComparingTo("1.50");
        assertThat((BigDecimal) stored(10).get("spend")).isEqualByComparingTo("2.00");
        assertThat(stored(9).get("row_count")).isEqualTo(2L);
    }
}
