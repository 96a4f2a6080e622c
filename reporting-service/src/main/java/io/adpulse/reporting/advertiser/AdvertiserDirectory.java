package io.adpulse.reporting.advertiser;

import io.adpulse.reporting.web.Visibility;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads advertisers and their campaigns from the entity state and the daily metrics. The advertiser
 * entity is authoritative for name, status, time zone and currency; the latest metric row stands in for
 * time zone and currency until the entity has been observed.
 */
@Repository
public class AdvertiserDirectory {

    private static final String PROFILE = """
            select k.advertiser_id, a.name, a.status, a.deleted,
                   coalesce(a.time_zone, m.time_zone) as time_zone, coalesce(a.currency, m.currency) as currency
            from known k
            left join entity_state a
                   on a.advertiser_id = k.advertiser_id and a.level = 'ADVERTISER' and a.entity_id = k.advertiser_id
            left join lateral (
                   select d.time_zone, d.currency from daily_metric d
                   where d.advertiser_id = k.advertiser_id order by d.observed_at desc limit 1) m on true
            order by k.advertiser_id
            """;

    private static final String ONE = """
            with known as (
                select cast(:advertiserId as varchar) as advertiser_id
                where exists (select 1 from entity_state where advertiser_id = :advertiserId)
                   or exists (select 1 from daily_metric where advertiser_id = :advertiserId))
            """ + PROFILE;

    private static final String ALL = """
            with known as (
                select advertiser_id from entity_state
                union
                select advertiser_id from daily_metric)
            """ + PROFILE;

    private static final String CAMPAIGNS = """
            select advertiser_id, entity_id, name, status, deleted, budget_amount, budget_currency, budget_mode
            from entity_state
            where level = 'CAMPAIGN'
            order by advertiser_id, entity_id
            """;

    private final DatabaseClient db;

    AdvertiserDirectory(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The advertiser, or empty when nothing of it has been observed or the caller may not see it ({@link Visibility}):
     * to a CLIENT user another client's advertiser is as unknown as a mistyped id.
     */
    public Mono<Advertiser> find(String advertiserId) {
        return Visibility.current().filter(v -> v.sees(advertiserId))
                .flatMap(v -> db.sql(ONE).bind("advertiserId", advertiserId).map(AdvertiserDirectory::advertiser).one());
    }

    /** Every known advertiser the caller may see, by id. */
    Flux<Advertiser> all() {
        return Visibility.current().flatMapMany(v -> db.sql(ALL).map(AdvertiserDirectory::advertiser).all()
                .filter(a -> v.sees(a.advertiserId())));
    }

    /** Every observed campaign of every advertiser the caller may see, deleted ones included, by advertiser and campaign id. */
    Flux<Campaign> campaigns() {
        return Visibility.current().flatMapMany(v -> campaignRows().filter(c -> v.sees(c.advertiserId())));
    }

    private Flux<Campaign> campaignRows() {
        return db.sql(CAMPAIGNS).map(row -> new Campaign(row.get("advertiser_id", String.class),
                row.get("entity_id", String.class), row.get("name", String.class), row.get("status", String.class),
                Boolean.TRUE.equals(row.get("deleted", Boolean.class)), row.get("budget_amount", BigDecimal.class),
                row.get("budget_currency", String.class), row.get("budget_mode", String.class))).all();
    }

    private static Advertiser advertiser(Readable row) {
        return new Advertiser(row.get("advertiser_id", String.class), row.get("name", String.class),
                row.get("status", String.class), row.get("deleted", Boolean.class), row.get("time_zone", String.class),
                row.get("currency", String.class));
    }

    /** A campaign as last observed; {@code budgetAmount} and {@code budgetCurrency} are both set or both null. */
    record Campaign(String advertiserId, String campaignId, String name, String status, boolean deleted,
            BigDecimal budgetAmount, String budgetCurrency, String budgetMode) {
    }
}
