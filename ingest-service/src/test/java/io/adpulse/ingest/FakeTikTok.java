package io.adpulse.ingest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small in-test TikTok API for Business answering in TikTok's real shapes (envelope with {@code code},
 * {@code message}, {@code request_id}, {@code data}; errors as HTTP 200 with a non-zero code; page-number
 * paging with {@code page_info}; report rows as {@code dimensions}/{@code metrics} with string values).
 * It checks the {@code Access-Token} header, JSON-encoded query parameters and TikTok's 30-day limit on
 * daily reports, records the report windows asked for, and fails on demand.
 */
final class FakeTikTok {

    static final String CAMPAIGN_GET = "/campaign/get/";
    static final String ADVERTISER_INFO = "/advertiser/info/";
    static final String REPORT_GET = "/report/integrated/get/";

    private static final String BASE_PATH = "/open_api/v1.3";
    private static final FakeTikTok SHARED = new FakeTikTok();

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Advertiser> advertisers = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> scriptedFailures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<ReportRequest> reportRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger requestIds = new AtomicInteger();
    private final DisposableServer server;

    private FakeTikTok() {
        RouterFunction<ServerResponse> routes = RouterFunctions.route()
                .GET(BASE_PATH + ADVERTISER_INFO, this::advertiserInfo)
                .GET(BASE_PATH + CAMPAIGN_GET, this::campaigns)
                .GET(BASE_PATH + REPORT_GET, this::report)
                .build();
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes)))
                .bindNow();
    }

    static FakeTikTok shared() {
        return SHARED;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + BASE_PATH;
    }

    Advertiser advertiser(String id, String token, String name, String currency, String displayTimeZone) {
        Advertiser advertiser = new Advertiser(id, token, name, currency, displayTimeZone);
        advertisers.put(id, advertiser);
        return advertiser;
    }

    /** The next {@code times} calls of {@code endpoint} for {@code advertiserId} answer {@code code}. */
    void failNext(String endpoint, String advertiserId, int code, int times) {
        Deque<Integer> queue = scriptedFailures.computeIfAbsent(endpoint + advertiserId, k -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(code);
            }
        }
    }

    int calls(String endpoint, String advertiserId) {
        return calls.getOrDefault(endpoint + advertiserId, new AtomicInteger()).get();
    }

    List<ReportRequest> reportRequests(String advertiserId, String dataLevel) {
        return reportRequests.stream()
                .filter(r -> r.advertiserId().equals(advertiserId) && r.dataLevel().equals(dataLevel))
                .sorted(Comparator.comparing(ReportRequest::start))
                .toList();
    }

    private Mono<ServerResponse> advertiserInfo(ServerRequest request) {
        List<String> ids = json.readValue(request.queryParam("advertiser_ids").orElseThrow(), new TypeReference<>() { });
        List<Map<String, Object>> list = new ArrayList<>();
        for (String id : ids) {
            Advertiser advertiser = advertisers.get(id);
            Integer failure = failure(ADVERTISER_INFO, id, request);
            if (failure != null) {
                return error(failure);
            }
            if (advertiser != null) {
                list.add(advertiser.info());
            }
        }
        return ok(Map.of("list", list));
    }

    private Mono<ServerResponse> campaigns(ServerRequest request) {
        String id = request.queryParam("advertiser_id").orElseThrow();
        Integer failure = failure(CAMPAIGN_GET, id, request);
        if (failure != null) {
            return error(failure);
        }
        Map<String, String> filtering = json.readValue(request.queryParam("filtering").orElse("{}"), new TypeReference<>() { });
        boolean all = "CAMPAIGN_STATUS_ALL".equals(filtering.get("secondary_status"));
        List<Map<String, Object>> campaigns = advertisers.get(id).campaigns.values().stream()
                .filter(c -> all || !"CAMPAIGN_STATUS_DELETE".equals(c.get("secondary_status")))
                .toList();
        return ok(page(campaigns, request));
    }

    private Mono<ServerResponse> report(ServerRequest request) {
        String id = request.queryParam("advertiser_id").orElseThrow();
        Integer failure = failure(REPORT_GET, id, request);
        if (failure != null) {
            return error(failure);
        }
        String dataLevel = request.queryParam("data_level").orElseThrow();
        List<String> dimensions = json.readValue(request.queryParam("dimensions").orElseThrow(), new TypeReference<>() { });
        List<String> metrics = json.readValue(request.queryParam("metrics").orElseThrow(), new TypeReference<>() { });
        LocalDate start = LocalDate.parse(request.queryParam("start_date").orElseThrow());
        LocalDate end = LocalDate.parse(request.queryParam("end_date").orElseThrow());
        if (!"BASIC".equals(request.queryParam("report_type").orElse(null))
                || !dimensions.contains("stat_time_day") || ChronoUnit.DAYS.between(start, end) + 1 > 30 || end.isBefore(start)) {
            return error(40002);
        }
        reportRequests.add(new ReportRequest(id, dataLevel, start, end));
        String idDimension = dimensions.get(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        advertisers.get(id).rows.getOrDefault(dataLevel, Map.of()).forEach((key, values) -> {
            if (!key.date().isBefore(start) && !key.date().isAfter(end)) {
                Map<String, Object> returned = new LinkedHashMap<>();
                metrics.stream().filter(values::containsKey).forEach(m -> returned.put(m, values.get(m)));
                rows.add(Map.of("dimensions", Map.of(idDimension, key.entityId(), "stat_time_day", key.date() + " 00:00:00"),
                        "metrics", returned));
            }
        });
        return ok(page(rows, request));
    }

    private Integer failure(String endpoint, String advertiserId, ServerRequest request) {
        calls.computeIfAbsent(endpoint + advertiserId, k -> new AtomicInteger()).incrementAndGet();
        Advertiser advertiser = advertisers.get(advertiserId);
        if (advertiser == null) {
            return 40001;
        }
        if (!advertiser.token.equals(request.headers().firstHeader("Access-Token")) || advertiser.tokenRevoked) {
            return 40105;
        }
        Deque<Integer> queue = scriptedFailures.get(endpoint + advertiserId);
        if (queue != null) {
            synchronized (queue) {
                return queue.poll();
            }
        }
        return null;
    }

    private Map<String, Object> page(List<Map<String, Object>> items, ServerRequest request) {
        int page = Integer.parseInt(request.queryParam("page").orElse("1"));
        int size = Integer.parseInt(request.queryParam("page_size").orElse("10"));
        int from = Math.min(items.size(), (page - 1) * size);
        int to = Math.min(items.size(), from + size);
        int totalPages = Math.max(1, (items.size() + size - 1) / size);
        return Map.of("list", items.subList(from, to), "page_info",
                Map.of("page", page, "page_size", size, "total_number", items.size(), "total_page", totalPages));
    }

    private Mono<ServerResponse> ok(Object data) {
        return respond(Map.of("code", 0, "message", "OK", "request_id", nextRequestId(), "data", data));
    }

    private Mono<ServerResponse> error(int code) {
        String message = switch (code) {
            case 40100 -> "Too many requests. Please retry in some time.";
            case 40105 -> "Access token is incorrect or has been revoked.";
            case 40002 -> "Invalid parameters: daily reports span at most 30 days.";
            default -> "Error " + code;
        };
        return respond(Map.of("code", code, "message", message, "request_id", nextRequestId(), "data", Map.of()));
    }

    private Mono<ServerResponse> respond(Map<String, Object> body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(body));
    }

    private String nextRequestId() {
        return "fake-" + requestIds.incrementAndGet();
    }

    /** One report request as the fake received it. */
    record ReportRequest(String advertiserId, String dataLevel, LocalDate start, LocalDate end) {
    }

    record RowKey(String entityId, LocalDate date) {
    }

    /** An advertiser account with its campaigns and report rows, as TikTok would hold them. */
    static final class Advertiser {

        final String id;
        final String token;
        final String name;
        final String currency;
        final String displayTimeZone;
        final Map<String, Map<String, Object>> campaigns = new ConcurrentHashMap<>();
        final Map<String, Map<RowKey, Map<String, Object>>> rows = new ConcurrentHashMap<>();
        volatile boolean tokenRevoked;

        Advertiser(String id, String token, String name, String currency, String displayTimeZone) {
            this.id = id;
            this.token = token;
            this.name = name;
            this.currency = currency;
            this.displayTimeZone = displayTimeZone;
        }

        Map<String, Object> info() {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("advertiser_id", Long.parseLong(id));
            info.put("name", name);
            info.put("company", "Northwind");
            info.put("status", "STATUS_ENABLE");
            info.put("role", "ROLE_ADVERTISER");
            info.put("currency", currency);
            info.put("timezone", "Etc/GMT+8");
            info.put("display_timezone", displayTimeZone);
            info.put("country", "US");
            info.put("balance", 10);
            info.put("create_time", 1630335591);
            return info;
        }

        Advertiser campaign(String campaignId, String name, Object budget, String budgetMode, String operationStatus,
                String secondaryStatus) {
            Map<String, Object> campaign = new LinkedHashMap<>();
            campaign.put("campaign_id", campaignId);
            campaign.put("campaign_name", name);
            campaign.put("advertiser_id", Long.parseLong(id));
            campaign.put("budget", budget);
            campaign.put("budget_mode", budgetMode);
            campaign.put("operation_status", operationStatus);
            campaign.put("secondary_status", secondaryStatus);
            campaign.put("objective_type", "TRAFFIC");
            campaign.put("campaign_type", "REGULAR_CAMPAIGN");
            campaign.put("create_time", "2026-01-05 10:00:00");
            campaigns.put(campaignId, campaign);
            return this;
        }

        /** Sets a report row; {@code metrics} are TikTok's strings ("20.00", "-"); leave a metric out to omit it. */
        Advertiser row(String dataLevel, String entityId, LocalDate date, Map<String, Object> metrics) {
            rows.computeIfAbsent(dataLevel, k -> new ConcurrentHashMap<>())
                    .put(new RowKey(entityId, date), new LinkedHashMap<>(metrics));
            return this;
        }

        void revokeToken() {
            tokenRevoked = true;
        }

        Set<String> campaignIds() {
            return campaigns.keySet();
        }
    }
}
