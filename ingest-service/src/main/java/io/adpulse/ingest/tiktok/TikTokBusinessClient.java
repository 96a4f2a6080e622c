package io.adpulse.ingest.tiktok;

import io.adpulse.events.EntityLevel;
import io.adpulse.events.Granularity;
import io.adpulse.ingest.sync.AdvertiserInfo;
import io.adpulse.ingest.sync.AdvertiserReportRow;
import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.sync.DateWindow;
import io.adpulse.ingest.sync.EntitySnapshot;
import io.adpulse.ingest.sync.ReportRow;
import io.adpulse.ingest.sync.ReportStream;
import io.adpulse.ingest.sync.SharedReportRefused;
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
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@link TikTokApi} over the TikTok API for Business v1.3: {@code /advertiser/info/}, {@code /campaign/get/},
 * {@code /adgroup/get/}, {@code /ad/get/} and the synchronous {@code /report/integrated/get/} (of one advertiser, or
 * of several with {@code advertiser_ids}). Lists are read
 * page by page (page-number paging, {@code page_info.total_page}) with the largest page TikTok allows (1000).
 * IDs are read as strings whether TikTok sends them as strings or as numbers (they exceed 2^53).
 */
@Component
class TikTokBusinessClient implements TikTokApi {

    static final String ADVERTISER_INFO = "/advertiser/info/";
    static final String CAMPAIGN_GET = "/campaign/get/";
    static final String ADGROUP_GET = "/adgroup/get/";
    static final String AD_GET = "/ad/get/";
    static final String REPORT_GET = "/report/integrated/get/";

    private static final Logger log = LoggerFactory.getLogger(TikTokBusinessClient.class);
    private static final int PAGE_SIZE = 1000;
    /** TikTok's "query too large": fewer days (or metrics) per request. */
    static final int QUERY_TOO_LARGE = 40067;
    private static final List<String> ADVERTISER_FIELDS = List.of("advertiser_id", "name", "status", "currency",
            "timezone", "display_timezone", "country", "company");
    private static final List<String> ADVERTISER_ATTRIBUTES = List.of("country", "company");

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
    public Flux<EntitySnapshot> entities(CallOrigin caller, AccessToken token, EntityLevel level) {
        EntityShape shape;
        try {
            shape = EntityShape.of(level);
        } catch (IllegalArgumentException e) {
            return Flux.error(e);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("advertiser_id", caller.advertiserId());
        query.put("filtering", http.json(Map.of("secondary_status", shape.allStatuses())));
        return pages(shape.endpoint(), query, token, caller).map(node -> entity(node, shape, caller.advertiserId()));
    }

    /**
     * One campaign, ad group or ad of the caller's advertiser by id, deleted ones included ({@code filtering} by the
     * level's ids and its "all statuses"); empty when TikTok lists no such entity.
     */
    Mono<EntitySnapshot> entity(CallOrigin caller, AccessToken token, EntityLevel level, String entityId) {
        EntityShape shape;
        try {
            shape = EntityShape.of(level);
        } catch (IllegalArgumentException e) {
            return Mono.error(e);
        }
        Map<String, Object> filtering = new LinkedHashMap<>();
        filtering.put(shape.idField() + "s", List.of(entityId));
        filtering.put("secondary_status", shape.allStatuses());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("advertiser_id", caller.advertiserId());
        query.put("filtering", http.json(filtering));
        return http.get(shape.endpoint(), query, token, List.of(caller))
                .flatMapIterable(TikTokBusinessClient::items)
                .map(node -> entity(node, shape, caller.advertiserId()))
                .filter(entity -> entity.entityId().equals(entityId))
                .next();
    }

    @Override
    public Flux<ReportRow> report(CallOrigin caller, AccessToken token, ReportStream stream, DateWindow window,
            List<String> metrics) {
        if (window.days() > stream.maxDaysPerRequest()) {
            return Flux.error(tooManyDays(stream, window));
        }
        ReportShape shape = ReportShape.of(stream);
        Map<String, String> query = reportQuery("advertiser_id", caller.advertiserId(), shape, window, metrics);
        return pages(REPORT_GET, query, token, caller).map(row -> reportRow(row, shape, metrics))
                // Too large for TikTok: read each half on its own, down to single days (which then fail as they are).
                // A half re-reads rows a failed later page may already have given; publishing is idempotent.
                .onErrorResume(e -> e instanceof TikTokApiException failure && failure.code() == QUERY_TOO_LARGE
                                && window.days() > 1,
                        e -> {
                            log.info("TikTok found the {} report {}..{} of advertiser {} too large (40067); reading "
                                    + "it in halves", stream.stream(), window.from(), window.to(), caller.advertiserId());
                            return Flux.fromIterable(window.halves())
                                    .concatMap(half -> report(caller, token, stream, half, metrics));
                        });
    }

    @Override
    public Flux<AdvertiserReportRow> report(List<CallOrigin> callers, AccessToken token, ReportStream stream,
            DateWindow window, List<String> metrics) {
        List<String> ids = callers.stream().map(CallOrigin::advertiserId).distinct().toList();
        if (ids.size() > MAX_ADVERTISERS_PER_REPORT) {
            return Flux.error(new IllegalArgumentException("at most " + MAX_ADVERTISERS_PER_REPORT
                    + " advertisers per report, got " + ids.size()));
        }
        if (window.days() > stream.maxDaysPerRequest()) {
            return Flux.error(tooManyDays(stream, window));
        }
        ReportShape shape = ReportShape.of(stream);
        Map<String, String> query = reportQuery("advertiser_ids", http.json(ids), shape, window, metrics);
        // multi_adv_report_in_utc_time is left at its default (false): each advertiser's rows on its own local dates,
        // as in a report of one advertiser
        return pages(REPORT_GET, query, token, callers, TikTokBusinessClient::refusedAsAsked)
                .map(row -> new AdvertiserReportRow(advertiserOf(row), reportRow(row, shape, metrics)))
                .onErrorMap(TikTokBusinessClient::refusedAsAsked, SharedReportRefused::new);
    }

    /** The query of one BASIC report: whose (advertiser_id or advertiser_ids), which level, window and metrics. */
    private Map<String, String> reportQuery(String whoParameter, String who, ReportShape shape, DateWindow window,
            List<String> metrics) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(whoParameter, who);
        query.put("report_type", "BASIC");
        query.put("data_level", shape.dataLevel());
        query.put("dimensions", http.json(List.of(shape.idDimension(), shape.timeDimension())));
        query.put("metrics", http.json(metrics));
        query.put("start_date", window.from().toString());
        query.put("end_date", window.to().toString());
        return query;
    }

    private static IllegalArgumentException tooManyDays(ReportStream stream, DateWindow window) {
        return new IllegalArgumentException(stream.stream() + " reports cover at most " + stream.maxDaysPerRequest()
                + " days per request, got " + window.days());
    }

    /**
     * Whether TikTok refused a request for what it asked, so that asking in another shape may succeed: no permission
     * for an advertiser (40001), or a request error with TikTok's code (a parameter, too many ids, too large).
     * Rejected tokens, rate limits, the daily quota, TikTok-side faults and transport failures are not.
     */
    static boolean refusedAsAsked(Throwable failure) {
        return failure instanceof TikTokAuthorizationException authorization && authorization.code() == 40001
                || failure instanceof TikTokRequestException request && request.code() != TikTokApiException.NO_CODE;
    }

    /**
     * The advertiser of a row of a report of several: its {@code advertiser_id} dimension (advertiser level), else the
     * {@code advertiser_id} TikTok adds to the metrics of such reports.
     */
    private static String advertiserOf(JsonNode row) {
        String id = TikTokHttp.text(row.path("dimensions").get("advertiser_id"));
        if (id == null) {
            id = TikTokHttp.text(row.path("metrics").get("advertiser_id"));
        }
        if (id == null) {
            throw new IllegalStateException("a row of a report of several advertisers names no advertiser_id: "
                    + row.path("dimensions"));
        }
        return id;
    }

    private Flux<JsonNode> pages(String endpoint, Map<String, String> query, AccessToken token, CallOrigin caller) {
        return pages(endpoint, query, token, List.of(caller), failure -> false);
    }

    private Flux<JsonNode> pages(String endpoint, Map<String, String> query, AccessToken token, List<CallOrigin> callers,
            Predicate<Throwable> askedOtherwise) {
        Function<Integer, Mono<JsonNode>> page = number -> {
            Map<String, String> paged = new LinkedHashMap<>(query);
            paged.put("page", Integer.toString(number));
            paged.put("page_size", Integer.toString(PAGE_SIZE));
            return http.get(endpoint, paged, token, callers, askedOtherwise);
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

    private static EntitySnapshot entity(JsonNode node, EntityShape shape, String advertiserId) {
        String id = TikTokHttp.text(node.get(shape.idField()));
        if (id == null) {
            throw new IllegalStateException(shape.endpoint() + " returned an item without " + shape.idField());
        }
        String parent = shape.parentField() == null ? advertiserId : TikTokHttp.text(node.get(shape.parentField()));
        return new EntitySnapshot(shape.level(), id, parent, TikTokHttp.text(node.get(shape.nameField())),
                MetricValues.decimal(node.get("budget")), TikTokHttp.text(node.get("budget_mode")),
                TikTokHttp.text(node.get("operation_status")), TikTokHttp.text(node.get("secondary_status")),
                attributes(node, shape.attributes()));
    }

    private static ReportRow reportRow(JsonNode row, ReportShape shape, List<String> metrics) {
        JsonNode dimensions = row.path("dimensions");
        String entityId = TikTokHttp.text(dimensions.get(shape.idDimension()));
        String time = TikTokHttp.text(dimensions.get(shape.timeDimension()));
        if (entityId == null || time == null || time.length() < 10) {
            throw new IllegalStateException("report row without " + shape.idDimension() + " or "
                    + shape.timeDimension() + ": " + dimensions);
        }
        Integer hour = null;
        if (shape.hourly()) {
            if (time.length() < 13) {
                throw new IllegalStateException("report row without an hour in " + shape.timeDimension() + ": " + time);
            }
            hour = Integer.parseInt(time.substring(11, 13));
        }
        MetricValues values = MetricValues.parse(row.get("metrics"), metrics);
        SortedMap<String, BigDecimal> sorted = new TreeMap<>(values.values());
        return new ReportRow(entityId, LocalDate.parse(time.substring(0, 10)), hour, sorted, values.missing());
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

    /**
     * How one entity level is listed: its endpoint, the fields naming it and its parent (none for campaigns,
     * whose parent is the advertiser), the secondary status that also lists deleted ones (without it TikTok
     * leaves them out), and the descriptive fields kept as attributes.
     */
    private record EntityShape(EntityLevel level, String endpoint, String idField, String nameField,
            String parentField, String allStatuses, List<String> attributes) {

        static EntityShape of(EntityLevel level) {
            return switch (level) {
                case CAMPAIGN -> new EntityShape(level, CAMPAIGN_GET, "campaign_id", "campaign_name", null,
                        "CAMPAIGN_STATUS_ALL", List.of("objective_type", "campaign_type", "secondary_status",
                                "budget_optimize_on", "create_time", "modify_time"));
                case ADGROUP -> new EntityShape(level, ADGROUP_GET, "adgroup_id", "adgroup_name", "campaign_id",
                        "ADGROUP_STATUS_ALL", List.of("objective_type", "secondary_status", "optimization_goal",
                                "billing_event", "bid_type", "pacing", "schedule_type", "schedule_start_time",
                                "schedule_end_time", "placement_type", "create_time", "modify_time"));
                case AD -> new EntityShape(level, AD_GET, "ad_id", "ad_name", "adgroup_id", "AD_STATUS_ALL",
                        List.of("campaign_id", "objective_type", "secondary_status", "ad_format", "call_to_action",
                                "landing_page_url", "create_time", "modify_time"));
                case ADVERTISER -> throw new IllegalArgumentException("advertisers are read with " + ADVERTISER_INFO);
            };
        }
    }

    /** How a report is asked for: TikTok's {@code data_level}, the dimension naming the entity, and the time dimension. */
    private record ReportShape(String dataLevel, String idDimension, String timeDimension) {

        static ReportShape of(ReportStream stream) {
            String time = stream.granularity() == Granularity.HOUR ? "stat_time_hour" : "stat_time_day";
            return switch (stream.level()) {
                case CAMPAIGN -> new ReportShape("AUCTION_CAMPAIGN", "campaign_id", time);
                case ADGROUP -> new ReportShape("AUCTION_ADGROUP", "adgroup_id", time);
                case AD -> new ReportShape("AUCTION_AD", "ad_id", time);
                case ADVERTISER -> new ReportShape("AUCTION_ADVERTISER", "advertiser_id", time);
            };
        }

        boolean hourly() {
            return "stat_time_hour".equals(timeDimension);
        }
    }
}
