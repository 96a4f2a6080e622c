package io.adpulse.reporting.report;

import io.adpulse.reporting.kpi.MetricSums;
import io.adpulse.reporting.web.DateRange;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Stores and reads {@code report}, and reads the campaign figures a weekly report shows. */
@Repository
class ReportRepository {

    private static final List<String> COLUMNS = List.of("spend", "impressions", "clicks", "conversions",
            "conversion_value", "video_views");
    private static final String SUMS = COLUMNS.stream()
            .map(c -> "case when count(*) = count(d." + c + ") then sum(d." + c + ") end as " + c)
            .collect(Collectors.joining(", "));
    private static final String META = "report_id, kind, client_id, client_name, brand_id, brand_name, period_start,"
            + " period_end, scheduled, requested_by, generated_at";

    private final DatabaseClient db;

    ReportRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Campaign sums over the range of the advertisers' local dates, by advertiser and descending spend. */
    Flux<WeeklyContent.CampaignLine> campaigns(List<String> advertiserIds, DateRange range) {
        return db.sql("select d.advertiser_id, d.entity_id, d.currency, e.name, e.deleted, count(*) as days, " + SUMS
                        + " from daily_metric d left join entity_state e on e.advertiser_id = d.advertiser_id"
                        + " and e.level = 'CAMPAIGN' and e.entity_id = d.entity_id"
                        + " where d.level = 'CAMPAIGN' and d.advertiser_id = any(:ids)"
                        + " and d.stat_date between :from and :to"
                        + " group by d.advertiser_id, d.entity_id, d.currency, e.name, e.deleted"
                        + " order by d.advertiser_id, sum(d.spend) desc nulls last, d.entity_id")
                .bind("ids", advertiserIds.toArray(String[]::new))
                .bind("from", range.from())
                .bind("to", range.to())
                .map(row -> new WeeklyContent.CampaignLine(row.get("advertiser_id", String.class),
                        row.get("entity_id", String.class), row.get("name", String.class),
                        row.get("deleted", Boolean.class), row.get("currency", String.class).strip(),
                        row.get("days", Long.class), sums(row)))
                .all();
    }

    private static MetricSums sums(Readable row) {
        return new MetricSums(row.get("spend", BigDecimal.class), row.get("impressions", BigDecimal.class),
                row.get("clicks", BigDecimal.class), row.get("conversions", BigDecimal.class),
                row.get("conversion_value", BigDecimal.class), row.get("video_views", BigDecimal.class));
    }

    /**
     * Stores a report; a scheduled one only if the schedule has not stored the same client's (brand's) week yet.
     * Emits whether it was stored.
     */
    Mono<Boolean> insert(ReportInfo info, String html, String csv) {
        return db.sql("insert into report (" + META + ", html, csv) values (:id, :kind, :client, :clientName, :brand,"
                        + " :brandName, :start, :end, :scheduled, :by, :at, :html, :csv)"
                        + " on conflict (client_id, (coalesce(brand_id, '')), period_start) where scheduled do nothing")
                .bind("id", info.reportId())
                .bind("kind", info.kind())
                .bind("client", info.clientId())
                .bind("clientName", info.clientName())
                .bind("brand", Parameter.fromOrEmpty(info.brandId(), String.class))
                .bind("brandName", Parameter.fromOrEmpty(info.brandName(), String.class))
                .bind("start", info.periodStart())
                .bind("end", info.periodEnd())
                .bind("scheduled", info.scheduled())
                .bind("by", info.requestedBy())
                .bind("at", info.generatedAt())
                .bind("html", html)
                .bind("csv", csv)
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** Whether the schedule already stored the client's (brand's) report of the week. */
    Mono<Boolean> scheduled(String clientId, String brandId, LocalDate weekStart) {
        return db.sql("select exists (select 1 from report where scheduled and client_id = :client"
                        + " and coalesce(brand_id, '') = :brand and period_start = :start) as found")
                .bind("client", clientId)
                .bind("brand", brandId == null ? "" : brandId)
                .bind("start", weekStart)
                .map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class)))
                .one();
    }

    /** Reports, newest week first, then newest generation; of one client or brand when given. */
    Flux<ReportInfo> list(String clientId, String brandId, int limit) {
        String sql = "select " + META + " from report where true"
                + (clientId == null ? "" : " and client_id = :client")
                + (brandId == null ? "" : " and brand_id = :brand")
                + " order by period_start desc, generated_at desc, report_id limit :limit";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("limit", limit);
        if (clientId != null) {
            spec = spec.bind("client", clientId);
        }
        if (brandId != null) {
            spec = spec.bind("brand", brandId);
        }
        return spec.map(row -> info(row)).all();
    }

    Mono<ReportInfo> find(String reportId) {
        return db.sql("select " + META + " from report where report_id = :id").bind("id", reportId)
                .map(row -> info(row)).one();
    }

    /** The stored content in {@code format} ({@code html} or {@code csv}, a constant, never caller input). */
    Mono<String> content(String reportId, String format) {
        String column = "csv".equals(format) ? "csv" : "html";
        return db.sql("select " + column + " as content from report where report_id = :id").bind("id", reportId)
                .map(row -> row.get("content", String.class)).one();
    }

    private static ReportInfo info(Readable row) {
        return new ReportInfo(row.get("report_id", String.class), row.get("kind", String.class),
                row.get("client_id", String.class), row.get("client_name", String.class),
                row.get("brand_id", String.class), row.get("brand_name", String.class),
                row.get("period_start", LocalDate.class), row.get("period_end", LocalDate.class),
                Boolean.TRUE.equals(row.get("scheduled", Boolean.class)), row.get("requested_by", String.class),
                row.get("generated_at", Instant.class));
    }
}
