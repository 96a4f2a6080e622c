package io.adpulse.reporting.fx;

import io.adpulse.reporting.web.DateRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and upserts {@code fx_rate}. */
@Repository
class FxRepository {

    private static final String UPSERT = """
            insert into fx_rate (rate_date, base_currency, quote_currency, rate, source, updated_by, updated_at)
            values (:date, :base, :quote, :rate, :source, :actor, :now)
            on conflict (rate_date, base_currency, quote_currency) do update set
                rate = excluded.rate, source = excluded.source, updated_by = excluded.updated_by,
                updated_at = excluded.updated_at
            """;

    private final DatabaseClient db;

    FxRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> upsert(FxRate rate, String actor, Instant now) {
        return db.sql(UPSERT)
                .bind("date", rate.date())
                .bind("base", rate.base())
                .bind("quote", rate.quote())
                .bind("rate", rate.rate())
                .bind("source", rate.source())
                .bind("actor", actor)
                .bind("now", now)
                .fetch().rowsUpdated();
    }

    /** The stored rates in the range, of the pair's base and quote when given, by date, base and quote. */
    Flux<FxRate> rates(DateRange range, String base, String quote) {
        String sql = "select rate_date, base_currency, quote_currency, rate, source from fx_rate"
                + " where rate_date between :from and :to"
                + (base == null ? "" : " and base_currency = :base")
                + (quote == null ? "" : " and quote_currency = :quote")
                + " order by rate_date, base_currency, quote_currency";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("from", range.from()).bind("to", range.to());
        if (base != null) {
            spec = spec.bind("base", base);
        }
        if (quote != null) {
            spec = spec.bind("quote", quote);
        }
        return spec.map(row -> new FxRate(row.get("rate_date", LocalDate.class),
                row.get("base_currency", String.class).strip(), row.get("quote_currency", String.class).strip(),
                row.get("rate", BigDecimal.class), row.get("source", String.class))).all();
    }
}
