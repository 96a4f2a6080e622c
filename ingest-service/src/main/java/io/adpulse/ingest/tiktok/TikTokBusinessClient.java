package io.adpulse.ingest.tiktok;

import io.adpulse.ingest.sync.AdvertiserInfo;
import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.sync.CampaignSnapshot;
import io.adpulse.ingest.sync.DateWindow;
import io.adpulse.ingest.sync.ReportLevel;
import io.adpulse.ingest.sync.ReportRow;
import io.adpulse.ingest.sync.TikTokApi;
import io.adpulse.ingest.token.AccessToken;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@link TikTokApi} over the TikTok API for Business v1.3: {@code /advertiser/info/}, {@code /campaign/get/}
 * and the synchronous {@code /report/integrated/get/}. Lists are read page by page (page-number paging,
 * {@code page_info.total_page}) with the largest page TikTok allows. IDs are read as strings whether
 * TikTok sends them as strings or as numbers (they exceed 2^53).
 */
@Component
class TikTokBusinessClient implements TikTokApi {

    static final String ADVERTISER_INFO = "/advertiser/info/";
    static final String CAMPAIGN_GET = "/campaign/get/";
    static final String REPORT_GET = "/report/integrated/get/";

    private static final int PAGE_SIZE = 1000;
    private static final List<String> ADVERTISER_FIELDS = List.of("advertiser_id", "name", "status", "currency",
            "timezone", "display_timezone", "country", "company");
    private static final List<String> ADVERTISER_ATTRIBUTES = List.of("country", "company");
    private static final List<String> CAMPAIGN_ATTRIBUTES = List.of("objective_type", "campaign_type",
            "secondary_status", "budget_optimize_on", "create_time", "modify_time");
    /** Without this filter TikTok leaves deleted campaigns out; with it, they come back marked deleted. */
    private static final Map<String, String> ALL_CAMPAIGN_STATUSES = Map.of("secondary_status", "CAMPAIGN_STATUS_ALL");

    private final TikTokHttp http;

    TikTokBusinessClient(TikTokHttp http) {
        this.http = http;
    }

    @Override
    public Mono<List<AdvertiserInfo>> advertisers(List<CallOrigin> callers, AccessToken token) {
        List<String> ids = callers.stream().map(CallOrigin::advertiserId).distinct().toList();
        if (ids.size() > MAX_ADVERTISERS_PER_CALL) {
            return Mono.error(new IllegalArgumentException("at most " + MAX_ADVERTISERS_PER_CALL
                    + " advertisers per call, got " + ids.size()));
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("advertiser_ids", http.json(ids));
        query.put("fields", http.json(ADVERTISER_FIELDS));
        return http.get(ADVERTISER_INFO, query, token, callers)
                .map(data -> items(data).stream().map(TikTokBusinessClient::advertiser).toList());
    }

    @Override
    public Flux<CampaignSnapshot> campaigns(CallOrigin caller, AccessToken token) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("advertiser_id", caller.advertiserId());
        query.put("filtering", http.json(ALL_CAMPAIGN_STATUSES));
        return pages(CAMPAIGN_GET, query, token, caller).map(TikTokBusinessClient::campaign);
    }

    @Override
    public Flux<ReportRow> dailyReport(CallOrigin caller, AccessToken token, ReportLevel level, DateWindow window,
            List<String> metrics) {
        if (window.days() > DateWindow.MAX_REPORT_DAYS) {
            return Flux.error(new IllegalArgumentException("daily reports cover at most " + DateWindow.MAX_REPORT_DAYS
                    + " days, got " + window.days()));
        }
        ReportShape shape = ReportShape.of(level);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("advertiser_id", caller.advertiserId());
        query.put("report_type", "BASIC");
        query.put("data_level", shape.dataLevel());
        query.put("dimensions", http.json(List.of(shape.idDimension(), ReportShape.DAY_DIMENSION)));
        query.put("metrics", http.json(metrics));
        query.put("start_date", window.from().toString());
        query.put("end_date", window.to().toString());
        return pages(REPORT_GET, query, token, caller).map(row -> reportRow(row, shape, metrics));
    }

    private Flux<JsonNode> pages(String endpoint, Map<String, String> query, AccessToken token, CallOrigin caller) {
        Function<Integer, Mono<JsonNode>> page = number -> {
            Map<String, String> paged = new LinkedHashMap<>(query);
            paged.put("page", Integer.toString(number));
            paged.put("page_size", Integer.toString(PAGE_SIZE));
            return http.get(endpoint, paged, token, List.of(caller));
        };
        return page.apply(1)
                .flatMapMany(first -> {
                    int totalPages = first.path("page_info").path("total_page").asInt(1);
                    return Flux.concat(Mono.just(first), Flux.range(2, Math.max(0, totalPages - 1)).concatMap(page::apply));
                })
                .concatMapIterable(TikTokBusinessClient::items);
    }

    private static List<JsonNode> items(JsonNode data) {
        List<JsonNode> items = new ArrayList<>();
        data.path("list").forEach(items::add);
        return items;
    }

    private static AdvertiserInfo advertiser(JsonNode node) {
        return new AdvertiserInfo(TikTokHttp.text(node.get("advertiser_id")), TikTokHttp.text(node.get("name")),
                TikTokHttp.text(node.get("status")), TikTokHttp.text(node.get("currency")),
                TikTokHttp.text(node.get("display_timezone")), TikTokHttp.text(node.get("timezone")),
                attributes(node, ADVERTISER_ATTRIBUTES));
    }

    private static CampaignSnapshot campaign(JsonNode node) {
        return new CampaignSnapshot(TikTokHttp.text(node.get("campaign_id")), TikTokHttp.text(node.get("campaign_name")),
                MetricValues.decimal(node.get("budget")), TikTokHttp.text(node.get("budget_mode")),
                TikTokHttp.text(node.get("operation_status")), TikTokHttp.text(node.get("secondary_status")),
                attributes(node, CAMPAIGN_ATTRIBUTES));
    }

    private static ReportRow reportRow(JsonNode row, ReportShape shape, List<String> metrics) {
        JsonNode dimensions = row.path("dimensions");
        String entityId = TikTokHttp.text(dimensions.get(shape.idDimension()));
        String day = TikTokHttp.text(dimensions.get(ReportShape.DAY_DIMENSION));
        if (entityId == null || day == null || day.length() < 10) {
            throw new IllegalStateException("report row without " + shape.idDimension() + " or "
                    + ReportShape.DAY_DIMENSION + ": " + dimensions);
        }
        MetricValues values = MetricValues.parse(row.get("metrics"), metrics);
        SortedMap<String, BigDecimal> sorted = new TreeMap<>(values.values());
        return new ReportRow(entityId, LocalDate.parse(day.substring(0, 10)), sorted, values.missing());
    }

    private static Map<String, String> attributes(JsonNode node, List<String> names) {
        Map<String, String> attributes = new TreeMap<>();
        for (String name : names) {
            String value = TikTokHttp.text(node.get(name));
            if (value != null && !value.isBlank()) {
                attributes.put(name, value);
            }
        }
        return attributes;
    }

    /** How a report level is asked for: TikTok's {@code data_level} and the dimension that names the entity. */
    private record ReportShape(String dataLevel, String idDimension) {

        static final String DAY_DIMENSION = "stat_time_day";

        static ReportShape of(ReportLevel level) {
            return switch (level) {
                case CAMPAIGN -> new ReportShape("AUCTION_CAMPAIGN", "campaign_id");
                case ADVERTISER -> new ReportShape("AUCTION_ADVERTISER", "advertiser_id");
            };
        }
    }
}
