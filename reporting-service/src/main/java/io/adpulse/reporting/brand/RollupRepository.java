package io.adpulse.reporting.brand;

import io.adpulse.reporting.kpi.MetricSums;
import io.adpulse.reporting.web.DateRange;
import io.adpulse.reporting.web.Exports;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * Reads the advertiser-days behind brand and client roll-ups: one row per advertiser of a brand and local date with
 * its figures, taken from the advertiser-level row or, for a day without one, the sum of the campaign rows (as the
 * spend report and the time series do). A sum that includes a missing metric is missing.
 */
@Repository
public class RollupRepository {

    private static final List<String> COLUMNS = List.of("spend", "impressions", "clicks", "conversions",
            "conversion_value", "video_views");
    private static final String SUMS = COLUMNS.stream()
            .map(c -> "case when count(*) = count(d." + c + ") then sum(d." + c + ") end as " + c)
            .collect(Collectors.joining(", "));
    private static final String PLAIN = COLUMNS.stream().map(c -> "d." + c).collect(Collectors.joining(", "));

    private final DatabaseClient db;

    RollupRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The advertiser-days of every brand (of the client, or only the brand, when given), by brand, advertiser and date. */
    public Flux<AdvertiserDay> days(String clientId, String brandId, DateRange range) {
        String sql = "with sel as (select a.advertiser_id, b.brand_id, b.client_id from brand_advertiser a"
                + " join brand b on b.brand_id = a.brand_id where true"
                + (clientId == null ? "" : " and b.client_id = :client")
                + (brandId == null ? "" : " and b.brand_id = :brand") + "),"
                + " adv as (select d.advertiser_id, d.stat_date, d.currency, " + PLAIN + " from daily_metric d"
                + " join sel s on s.advertiser_id = d.advertiser_id where d.level = 'ADVERTISER'"
                + " and d.entity_id = d.advertiser_id and d.stat_date between :from and :to),"
                + " camp as (select d.advertiser_id, d.stat_date, d.currency, " + SUMS + " from daily_metric d"
                + " join sel s on s.advertiser_id = d.advertiser_id where d.level = 'CAMPAIGN'"
                + " and d.stat_date between :from and :to group by d.advertiser_id, d.stat_date, d.currency),"
                + " days as (select * from adv union all select * from camp c where not exists"
                + " (select 1 from adv a where a.advertiser_id = c.advertiser_id and a.stat_date = c.stat_date))"
                + " select s.brand_id, s.client_id, d.* from days d join sel s on s.advertiser_id = d.advertiser_id"
                + " order by s.brand_id, d.advertiser_id, d.stat_date, d.currency";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("from", range.from()).bind("to", range.to());
        if (clientId != null) {
            spec = spec.bind("client", clientId);
        }
        if (brandId != null) {
            spec = spec.bind("brand", brandId);
        }
        return spec.filter(statement -> statement.fetchSize(Exports.FETCH_ROWS))
                .map(row -> new AdvertiserDay(row.get("brand_id", String.class), row.get("client_id", String.class),
                        row.get("advertiser_id", String.class), row.get("stat_date", LocalDate.class),
                        row.get("currency", String.class).strip(),
                        new MetricSums(row.get("spend", BigDecimal.class), row.get("impressions", BigDecimal.class),
                                row.get("clicks", BigDecimal.class), row.get("conversions", BigDecimal.class),
                                row.get("conversion_value", BigDecimal.class), row.get("video_views", BigDecimal.class))))
                .all();
    }

    /** One advertiser's figures on one of its local dates, in its currency. */
    public record AdvertiserDay(String brandId, String clientId, String advertiserId, LocalDate date, String currency,
            MetricSums sums) {
    }
}
