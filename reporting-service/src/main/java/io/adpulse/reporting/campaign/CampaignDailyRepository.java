package io.adpulse.reporting.campaign;

import io.adpulse.reporting.kpi.MetricSums;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.Exports;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** Reads campaign-level daily metrics joined with the campaigns' latest state. */
@Repository
class CampaignDailyRepository {

    private static final String ROWS = """
            select m.stat_date, m.entity_id, e.name, e.status, e.deleted, m.currency,
                   m.spend, m.impressions, m.clicks, m.conversions, m.conversion_value
            from daily_metric m
            left join entity_state e
                   on e.advertiser_id = m.advertiser_id and e.level = m.level and e.entity_id = m.entity_id
            where m.advertiser_id = :advertiserId and m.level = 'CAMPAIGN'
              and m.stat_date between :from and :to
            order by m.stat_date, m.entity_id
            """;

    private final DatabaseClient db;

    CampaignDailyRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The advertiser's campaign days in the range, by date then campaign id. */
    Flux<CampaignDay> days(String advertiserId, DateRange range) {
        return db.sql(ROWS)
                .bind("advertiserId", advertiserId)
                .bind("from", range.from())
                .bind("to", range.to())
                .filter(statement -> statement.fetchSize(Exports.FETCH_ROWS))
                .map(row -> new CampaignDay(row.get("stat_date", LocalDate.class), row.get("entity_id", String.class),
                        row.get("name", String.class), row.get("status", String.class),
                        row.get("deleted", Boolean.class), row.get("currency", String.class),
                        new MetricSums(row.get("spend", BigDecimal.class), row.get("impressions", BigDecimal.class),
                                row.get("clicks", BigDecimal.class), row.get("conversions", BigDecimal.class),
                                row.get("conversion_value", BigDecimal.class))))
                .all();
    }
}
