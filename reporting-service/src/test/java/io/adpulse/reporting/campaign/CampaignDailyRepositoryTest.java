package io.adpulse.reporting.campaign;

import io.adpulse.reporting.TestDatabase;
import io.adpulse.reporting.TestIds;
import io.adpulse.reporting.web.DateRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

class CampaignDailyRepositoryTest {

    private final DatabaseClient db = TestDatabase.client();
    private final CampaignDailyRepository repository = new CampaignDailyRepository(db);

    @Test
    void streamsEveryRowInOrderAcrossSeveralFetches() {
        String advertiserId = TestIds.next();
        db.sql("""
                insert into daily_metric (advertiser_id, level, entity_id, stat_date, connection_id, spend, currency,
                    time_zone, observed_at, event_id)
                select :a, 'CAMPAIGN', 'c' || c, date '2025-01-01' + d, 'conn', d, 'USD', 'UTC', now(), 'e'
                from generate_series(0, 299) as d, generate_series(1, 4) as c
                """).bind("a", advertiserId).then().block();

        StepVerifier.create(repository.days(advertiserId,
                        new DateRange(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31")))
                        .map(day -> day.metrics().spend())
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .zipWith(repository.days(advertiserId,
                                new DateRange(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"))).count()))
                .expectNextMatches(t -> t.getT1().compareTo(BigDecimal.valueOf(4L * 299 * 300 / 2)) == 0
                        && t.getT2() == 1200)
                .verifyComplete();
        StepVerifier.create(repository.days(advertiserId,
                        new DateRange(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"))).last())
                .expectNextMatches(day -> day.date().equals(LocalDate.parse("2025-10-27")) && day.campaignId().equals("c4"))
                .verifyComplete();
    }
}
