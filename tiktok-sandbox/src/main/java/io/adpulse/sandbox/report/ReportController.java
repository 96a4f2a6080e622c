package io.adpulse.sandbox.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.adpulse.sandbox.api.Envelope;
import io.adpulse.sandbox.api.Paging;
import io.adpulse.sandbox.api.RequestIds;
import io.adpulse.sandbox.api.TikTokApi;
import io.adpulse.sandbox.metrics.MetricStore;
import io.adpulse.sandbox.oauth.AccessTokens;
import reactor.core.publisher.Mono;

/** {@code GET report/integrated/get/}: TikTok's synchronous report, one page of rows per call. */
@RestController
class ReportController implements TikTokApi {

    /** One report row as TikTok writes it. */
    record Row(Map<String, String> dimensions, Map<String, String> metrics) {
    }

    /** The report page; {@code total_metrics} only when asked for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReportPage(List<Row> list, @JsonProperty("page_info") Paging.PageInfo pageInfo,
                      @JsonProperty("total_metrics") Map<String, String> totalMetrics) {
    }

    private final AccessTokens tokens;
    private final ReportQueryParser parser;
    private final ReportEngine engine;
    private final MetricStore store;

    ReportController(AccessTokens tokens, ReportQueryParser parser, ReportEngine engine, MetricStore store) {
        this.tokens = tokens;
        this.parser = parser;
        this.engine = engine;
        this.store = store;
    }

    @GetMapping(BASE + "/report/integrated/get/")
    Mono<Envelope> report(@RequestHeader(name = AccessTokens.HEADER, required = false) String token,
                          @RequestParam Map<String, String> query, ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            ReportQuery report = parser.parse(query, tokens.require(token));
            Instant now = store.now();
            List<ReportRow> rows = engine.rows(report, now);
            Paging.Page<Row> page = report.paging().of(rows.stream().map(row -> render(report, row)).toList());
            Map<String, String> totals = report.totals()
                    ? MetricFormat.format(ReportEngine.total(rows, report.advertiser()), report.metrics(),
                            report.advertiser().decimals())
                    : null;
            return Envelope.ok(RequestIds.of(exchange), new ReportPage(page.list(), page.pageInfo(), totals));
        });
    }

    /**
     * One row. With {@code advertiser_ids}, TikTok adds {@code advertiser_id}, {@code currency} and {@code timezone} to
     * each row's metrics, as its documentation says (the time zone here is the advertiser's {@code timezone} field, or
     * {@code Etc/UTC} when the report is in UTC: UNSURE which form TikTok writes). Money keeps the currency's decimals
     * in both forms; TikTok's documentation says multi-advertiser money has "no decimal point", which may mean trailing
     * zeros left out (UNSURE).
     */
    private static Row render(ReportQuery report, ReportRow row) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put(report.level().idDimension(), row.entityId());
        if (report.granularity().dimension() != null) {
            dimensions.put(report.granularity().dimension(), row.time());
        }
        Map<String, String> metrics = MetricFormat.format(row, report.metrics(), row.advertiser().decimals());
        if (report.multi()) {
            metrics.put("advertiser_id", row.advertiser().id());
            metrics.put("currency", row.advertiser().currency().getCurrencyCode());
            metrics.put("timezone", report.utc() ? "Etc/UTC" : row.advertiser().tiktokTimezone());
        }
        return new Row(dimensions, metrics);
    }
}
