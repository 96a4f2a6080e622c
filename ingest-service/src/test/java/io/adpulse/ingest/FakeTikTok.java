package io.adpulse.ingest;

import java.time.Duration;
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
import org.springframework.web.reactive.function.server.RequestPredicates;
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
 * It lists campaigns, ad groups and ads (deleted ones only with the level's {@code *_STATUS_ALL} filter, as
 * TikTok does), answers daily ({@code stat_time_day}, at most 30 days) and hourly ({@code stat_time_hour},
 * exactly one day) reports, checks the {@code Access-Token} header and JSON-encoded query parameters,
 * records the list and report requests it received, and fails on demand: the next calls of an endpoint, or
 * the report windows starting on a given date.
 */
final class FakeTikTok {

    static final String CAMPAIGN_GET = "/campaign/get/";
    static final String ADGROUP_GET = "/adgroup/get/";
    static final String AD_GET = "/ad/get/";
    static final String ADVERTISER_INFO = "/advertiser/info/";
    static final String REPORT_GET = "/report/integrated/get/";
    static final String VIDEO_LIST = "/v2/video/list/";

    private static final String BASE_PATH = "/open_api/v1.3";
    private static final FakeTikTok SHARED = new FakeTikTok();

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Advertiser> advertisers = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> scriptedFailures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<ReportRequest> reportRequests = new CopyOnWriteArrayList<>();
    private final List<ListRequest> listRequests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> windowFailures = new ConcurrentHashMap<>();
    private final Map<String, Deque<Duration>> windowDelays = new ConcurrentHashMap<>();
    private final AtomicInteger requestIds = new AtomicInteger();
    private final Map<String, Creator> creators = new ConcurrentHashMap<>();
    private final List<VideoListRequest> videoListRequests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<String>> displayFailures = new ConcurrentHashMap<>();
    private final List<String> forwardedWrites = new CopyOnWriteArrayList<>();
    private final Set<String> sandboxAdvertisers = ConcurrentHashMap.newKeySet();
    private final Map<String, String> otherSandboxes = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> forwardedReportFailures = new ConcurrentHashMap<>();
    private final List<ForwardedReport> forwardedReports = new CopyOnWriteArrayList<>();
    private volatile org.springframework.web.reactive.function.client.WebClient sandbox;
    private volatile String sandboxBaseUrl;
    private final DisposableServer server;

    private FakeTikTok() {
        RouterFunction<ServerResponse> routes = RouterFunctions.route()
                .GET(BASE_PATH + ADVERTISER_INFO, this::advertiserInfo)
                .GET(BASE_PATH + CAMPAIGN_GET, request -> list(request, CAMPAIGN_GET, "CAMPAIGN_STATUS_"))
                .GET(BASE_PATH + ADGROUP_GET, request -> list(request, ADGROUP_GET, "ADGROUP_STATUS_"))
                .GET(BASE_PATH + AD_GET, request -> list(request, AD_GET, "AD_STATUS_"))
                .GET(BASE_PATH + REPORT_GET, this::report)
                .POST(VIDEO_LIST, this::videoList)
                // writes, Content Posting, chunk uploads, the organic account (comment) endpoints and Spark Ads
                // posts are TikTok's sandbox's business (see forwardToSandbox)
                .POST(BASE_PATH + "/**", this::forward)
                .route(RequestPredicates.path("/v2/post/**").or(RequestPredicates.path("/upload/**"))
                        .or(RequestPredicates.path(BASE_PATH + "/business/**"))
                        .or(RequestPredicates.path(BASE_PATH + "/tt_video/**")), this::forward)
                .filter((request, next) -> forwarded(request) ? forward(request) : next.handle(request))
                .build();
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes)))
                .bindNow();
    }

    /**
     * From now on, every write (POST) to the API for Business, the requests about the advertisers handed over with
     * {@link #forwardAdvertiser}, the Content Posting API, chunk uploads, the organic account (comment) endpoints and
     * the Display API for tokens of none of this fake's creators go to {@code sandboxBaseUrl} (the tiktok-sandbox module run in-process, see
     * {@link SandboxTikTok}) and its answer comes back unchanged; the writes are recorded ({@link #forwardedWrites}).
     * Every other advertiser stays this fake's.
     */
    void forwardToSandbox(String sandboxBaseUrl) {
        this.sandboxBaseUrl = sandboxBaseUrl;
        this.sandbox = org.springframework.web.reactive.function.client.WebClient.builder()
                .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .build();
    }

    /** Requests about this advertiser (one of the sandbox's) go to the sandbox. */
    void forwardAdvertiser(String advertiserId) {
        sandboxAdvertisers.add(advertiserId);
    }

    /**
     * Requests about this advertiser go to another sandbox run in this JVM, at {@code sandboxRoot} (without the API for
     * Business's base path); a report of several advertisers goes where its first listed advertiser goes.
     */
    void forwardAdvertiser(String advertiserId, String sandboxRoot) {
        if (sandbox == null) {
            sandbox = org.springframework.web.reactive.function.client.WebClient.builder()
                    .codecs(c -> c.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                    .build();
        }
        otherSandboxes.put(advertiserId, sandboxRoot);
    }

    /**
     * The next {@code times} report requests made with {@code token} that list {@code advertiserId} (alone or among
     * {@code advertiser_ids}) and would go to a sandbox answer {@code code} instead (40001: "No permission to operate
     * advertiser ...", as TikTok words an advertiser the token may not read).
     */
    void failForwardedReports(String token, String advertiserId, int code, int times) {
        Deque<Integer> queue = forwardedReportFailures.computeIfAbsent(token + "|" + advertiserId,
                k -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(code);
            }
        }
    }

    /** The report requests made with {@code token} that went to a sandbox or failed on its behalf, in order. */
    List<ForwardedReport> forwardedReports(String token) {
        return forwardedReports.stream().filter(r -> r.token().equals(token)).toList();
    }

    /** The writes forwarded to the sandbox so far, as {@code <path> <body>}. */
    List<String> forwardedWrites() {
        return List.copyOf(forwardedWrites);
    }

    private boolean forwarded(ServerRequest request) {
        if (sandbox == null || !request.path().startsWith(BASE_PATH)) {
            return false;
        }
        List<String> ids = new ArrayList<>();
        request.queryParam("advertiser_id").ifPresent(ids::add);
        request.queryParam("advertiser_ids").ifPresent(raw -> ids.addAll(json.readValue(raw,
                new TypeReference<List<String>>() { })));
        return ids.stream().anyMatch(id -> sandboxAdvertisers.contains(id) || otherSandboxes.containsKey(id));
    }

    private List<String> listedAdvertisers(ServerRequest request) {
        List<String> ids = new ArrayList<>();
        request.queryParam("advertiser_ids").ifPresent(raw -> ids.addAll(json.readValue(raw,
                new TypeReference<List<String>>() { })));
        if (ids.isEmpty()) {
            request.queryParam("advertiser_id").ifPresent(ids::add);
        }
        return ids;
    }

    private Mono<ServerResponse> forward(ServerRequest request) {
        if (sandbox == null) {
            return ServerResponse.notFound().build();
        }
        List<String> listed = listedAdvertisers(request);
        if (request.path().equals(BASE_PATH + REPORT_GET)) {
            String token = String.valueOf(request.headers().firstHeader("Access-Token"));
            forwardedReports.add(new ForwardedReport(token, listed, request.queryParam("data_level").orElse(null),
                    request.queryParam("start_date").orElse(null)));
            for (String id : listed) {
                Deque<Integer> failures = forwardedReportFailures.get(token + "|" + id);
                Integer code = null;
                if (failures != null) {
                    synchronized (failures) {
                        code = failures.poll();
                    }
                }
                if (code != null) {
                    return code == 40001
                            ? respond(Map.of("code", code, "message", "No permission to operate advertiser " + id + ".",
                                    "request_id", nextRequestId(), "data", Map.of()))
                            : error(code);
                }
            }
        }
        String root = listed.stream().map(otherSandboxes::get).filter(java.util.Objects::nonNull).findFirst()
                .orElseGet(this::sandboxRoot);
        String query = request.uri().getRawQuery();
        String target = root + request.path() + (query == null ? "" : "?" + query);
        return request.bodyToMono(byte[].class).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(body -> {
                    if (request.method().name().equals("POST") && request.path().startsWith(BASE_PATH)) {
                        forwardedWrites.add(request.path().substring(BASE_PATH.length()) + " " + body.map(b ->
                                new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse(""));
                    }
                    var spec = sandbox.method(request.method())
                            .uri(java.net.URI.create(target))
                            .headers(h -> request.headers().asHttpHeaders().forEach((name, values) -> {
                                if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")
                                        && !name.equalsIgnoreCase("Transfer-Encoding")) {
                                    h.put(name, values);
                                }
                            }));
                    var sent = body.isPresent() ? spec.bodyValue(body.get()) : spec;
                    return sent.exchangeToMono(response -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                            .flatMap(answer -> {
                                ServerResponse.BodyBuilder out = ServerResponse.status(response.statusCode());
                                response.headers().contentType().ifPresent(out::contentType);
                                return answer.length == 0 ? out.build() : out.bodyValue(answer);
                            }));
                });
    }

    /** The sandbox's root URL (without the API for Business's base path). */
    private String sandboxRoot() {
        return sandboxBaseUrl.endsWith(BASE_PATH)
                ? sandboxBaseUrl.substring(0, sandboxBaseUrl.length() - BASE_PATH.length()) : sandboxBaseUrl;
    }

    static FakeTikTok shared() {
        return SHARED;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + BASE_PATH;
    }

    /** Where the Display API v2 lives (TikTok's {@code open.tiktokapis.com}). */
    String openApiBaseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A TikTok user who authorised the app through Login Kit, reachable with {@code token}. */
    Creator creator(String openId, String token) {
        Creator creator = new Creator(openId, token);
        creators.put(openId, creator);
        return creator;
    }

    /** The next {@code times} video list calls of the creator answer the Display API error {@code error}. */
    void failNextVideoList(String openId, String error, int times) {
        Deque<String> queue = displayFailures.computeIfAbsent(openId, k -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(error);
            }
        }
    }

    /** The video list requests the creator's tokens made (unknown tokens are not recorded). */
    List<VideoListRequest> videoListRequests(String openId) {
        return videoListRequests.stream().filter(r -> r.openId().equals(openId)).toList();
    }

    private Mono<ServerResponse> videoList(ServerRequest request) {
        String authorization = request.headers().firstHeader("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()) : null;
        Creator creator = creators.values().stream().filter(c -> c.tokens.contains(token)).findFirst().orElse(null);
        if (creator == null && sandbox != null) {
            // not one of the fake's creators: a sandbox creator's token (see forwardToSandbox)
            return forward(request);
        }
        if (creator == null) {
            return displayError(401, "access_token_invalid", "The access token is invalid or not found in the request.");
        }
        return request.bodyToMono(String.class).defaultIfEmpty("{}").flatMap(text -> {
            Map<String, Object> body = json.readValue(text, new TypeReference<>() { });
            Object cursorValue = body.get("cursor");
            Object maxCountValue = body.getOrDefault("max_count", 10);
            List<String> fields = List.of(request.queryParam("fields").orElse("").split(","));
            if (!(maxCountValue instanceof Integer maxCount) || maxCount < 1 || maxCount > 20
                    || (cursorValue != null && !(cursorValue instanceof Number))
                    || !fields.containsAll(List.of("id", "view_count", "like_count", "comment_count", "share_count"))) {
                return displayError(400, "invalid_params", "Invalid parameters.");
            }
            long cursor = cursorValue == null ? Long.MAX_VALUE : ((Number) cursorValue).longValue();
            videoListRequests.add(new VideoListRequest(creator.openId, token, cursorValue == null ? null : cursor, maxCount));
            Deque<String> failures = displayFailures.get(creator.openId);
            String failure;
            if (failures != null) {
                synchronized (failures) {
                    failure = failures.poll();
                }
            } else {
                failure = null;
            }
            if (failure != null) {
                return displayError(failure.equals("rate_limit_exceeded") ? 429 : failure.equals("internal_error") ? 500
                        : 401, failure, "Scripted failure.");
            }
            List<Map<String, Object>> older = creator.videos.values().stream()
                    .filter(v -> ((Long) v.get("create_time")) * 1000 < cursor)
                    .sorted(Comparator.comparing((Map<String, Object> v) -> (Long) v.get("create_time")).reversed())
                    .toList();
            List<Map<String, Object>> page = older.subList(0, Math.min(maxCount, older.size())).stream()
                    .map(LinkedHashMap::new).map(v -> (Map<String, Object>) v).toList();
            long next = page.isEmpty() ? (cursorValue == null ? 0 : cursor)
                    : ((Long) page.get(page.size() - 1).get("create_time")) * 1000;
            return displayOk(Map.of("videos", page, "cursor", next, "has_more", older.size() > page.size()));
        });
    }

    private Mono<ServerResponse> displayOk(Object data) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(Map.of(
                "data", data, "error", Map.of("code", "ok", "message", "", "log_id", nextRequestId()))));
    }

    private Mono<ServerResponse> displayError(int status, String code, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(
                Map.of("data", Map.of(), "error", Map.of("code", code, "message", message, "log_id", nextRequestId()))));
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

    /** The next {@code times} report requests at {@code dataLevel} whose window starts on {@code start} answer {@code code}. */
    void failReportWindow(String advertiserId, String dataLevel, LocalDate start, int code, int times) {
        Deque<Integer> queue = windowFailures.computeIfAbsent(advertiserId + dataLevel + start, k -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(code);
            }
        }
    }

    /** The next report request at {@code dataLevel} whose window starts on {@code start} is answered after {@code delay}. */
    void delayReportWindow(String advertiserId, String dataLevel, LocalDate start, Duration delay) {
        windowDelays.computeIfAbsent(advertiserId + dataLevel + start, k -> new ArrayDeque<>()).add(delay);
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

    List<ListRequest> listRequests(String endpoint, String advertiserId) {
        return listRequests.stream().filter(r -> r.endpoint().equals(endpoint) && r.advertiserId().equals(advertiserId))
                .toList();
    }

    private Mono<ServerResponse> list(ServerRequest request, String endpoint, String statusPrefix) {
        String id = request.queryParam("advertiser_id").orElseThrow();
        Integer failure = failure(endpoint, id, request);
        if (failure != null) {
            return error(failure);
        }
        Map<String, String> filtering = json.readValue(request.queryParam("filtering").orElse("{}"), new TypeReference<>() { });
        String status = filtering.get("secondary_status");
        if (status != null && !status.startsWith(statusPrefix)) {
            return error(40002);
        }
        int page = Integer.parseInt(request.queryParam("page").orElse("1"));
        int size = Integer.parseInt(request.queryParam("page_size").orElse("10"));
        if (size < 1 || size > 1000) {
            return error(40002);
        }
        listRequests.add(new ListRequest(endpoint, id, page, size));
        boolean all = (statusPrefix + "ALL").equals(status);
        Advertiser advertiser = advertisers.get(id);
        Map<String, Map<String, Object>> entities = switch (endpoint) {
            case CAMPAIGN_GET -> advertiser.campaigns;
            case ADGROUP_GET -> advertiser.adGroups;
            default -> advertiser.ads;
        };
        List<Map<String, Object>> listed = entities.values().stream()
                .filter(e -> all || !(statusPrefix + "DELETE").equals(e.get("secondary_status")))
                .toList();
        return ok(page(listed, request));
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
        boolean hourly = dimensions.contains("stat_time_hour");
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (!"BASIC".equals(request.queryParam("report_type").orElse(null)) || dimensions.size() != 2
                || hourly == dimensions.contains("stat_time_day") || end.isBefore(start) || days > (hourly ? 1 : 30)
                || Integer.parseInt(request.queryParam("page_size").orElse("10")) > 1000) {
            return error(40002);
        }
        reportRequests.add(new ReportRequest(id, dataLevel, start, end, hourly));
        Deque<Integer> windowFailure = windowFailures.get(id + dataLevel + start);
        if (windowFailure != null) {
            Integer code;
            synchronized (windowFailure) {
                code = windowFailure.poll();
            }
            if (code != null) {
                return error(code);
            }
        }
        String idDimension = dimensions.get(0);
        String timeDimension = hourly ? "stat_time_hour" : "stat_time_day";
        List<Map<String, Object>> rows = new ArrayList<>();
        advertisers.get(id).rows.getOrDefault(dataLevel, Map.of()).forEach((key, values) -> {
            if (!key.date().isBefore(start) && !key.date().isAfter(end) && (key.hour() != null) == hourly) {
                Map<String, Object> returned = new LinkedHashMap<>();
                metrics.stream().filter(values::containsKey).forEach(m -> returned.put(m, values.get(m)));
                String time = key.date() + (hourly ? String.format(" %02d:00:00", key.hour()) : " 00:00:00");
                rows.add(Map.of("dimensions", Map.of(idDimension, key.entityId(), timeDimension, time),
                        "metrics", returned));
            }
        });
        Deque<Duration> delays = windowDelays.get(id + dataLevel + start);
        Duration delay;
        if (delays != null) {
            synchronized (delays) {
                delay = delays.poll();
            }
        } else {
            delay = null;
        }
        Mono<ServerResponse> answer = ok(page(rows, request));
        return delay == null ? answer : answer.delayElement(delay);
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

    /** Scripted failure: an HTTP status instead of TikTok's envelope (e.g. 503). */
    static int httpStatus(int status) {
        return -status;
    }

    /** Scripted failure: HTTP 200 with a body cut off in the middle, as a dropped connection leaves it. */
    static final int TRUNCATED_BODY = -1;

    private Mono<ServerResponse> error(int code) {
        if (code == TRUNCATED_BODY) {
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"code\":0,\"message\":\"OK\",\"data\":{\"list\":[{\"dimensions\":");
        }
        if (code < 0) {
            return ServerResponse.status(-code).contentType(MediaType.TEXT_HTML)
                    .bodyValue("<html><body>" + -code + " Service Unavailable</body></html>");
        }
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

    /** One report request that went to a sandbox (or failed on its behalf): its token, advertisers, level and start. */
    record ForwardedReport(String token, List<String> advertiserIds, String dataLevel, String start) {
    }

    /** One report request as the fake received it. */
    record ReportRequest(String advertiserId, String dataLevel, LocalDate start, LocalDate end, boolean hourly) {
    }

    /** One page request of an entity list as the fake received it. */
    record ListRequest(String endpoint, String advertiserId, int page, int pageSize) {
    }

    /** One video list request as the fake received it: whose token, the cursor (null for none) and max_count. */
    record VideoListRequest(String openId, String token, Long cursor, int maxCount) {
    }

    /** A creator account and its videos, as TikTok's Display API would list them. */
    static final class Creator {

        final String openId;
        final Set<String> tokens = ConcurrentHashMap.newKeySet();
        final Map<String, Map<String, Object>> videos = new ConcurrentHashMap<>();

        Creator(String openId, String token) {
            this.openId = openId;
            tokens.add(token);
        }

        /** Adds a video (id sent as a string, as TikTok does) with its counts; a null count is left out. */
        Creator video(String id, long createTime, Long views, Long likes, Long comments, Long shares) {
            Map<String, Object> video = new LinkedHashMap<>();
            video.put("id", id);
            video.put("title", "Video " + id);
            video.put("video_description", "About " + id);
            video.put("share_url", "https://www.tiktok.com/@creator/video/" + id);
            video.put("cover_image_url", "https://p16.example/cover/" + id);
            video.put("duration", 30);
            video.put("create_time", createTime);
            putCount(video, "view_count", views);
            putCount(video, "like_count", likes);
            putCount(video, "comment_count", comments);
            putCount(video, "share_count", shares);
            videos.put(id, video);
            return this;
        }

        /** Changes one count of a video, as its audience would. */
        Creator count(String videoId, String count, long value) {
            videos.get(videoId).put(count, value);
            return this;
        }

        /** Makes {@code token} work too, as a Login Kit refresh does. */
        void addToken(String token) {
            tokens.add(token);
        }

        /** Makes {@code token} stop working (expired or revoked). */
        void dropToken(String token) {
            tokens.remove(token);
        }

        private static void putCount(Map<String, Object> video, String name, Long value) {
            if (value != null) {
                video.put(name, value);
            }
        }
    }

    /** A report row's entity, local date and, for hourly rows, hour. */
    record RowKey(String entityId, LocalDate date, Integer hour) {
    }

    /** An advertiser account with its campaigns and report rows, as TikTok would hold them. */
    static final class Advertiser {

        final String id;
        final String token;
        final String name;
        final String currency;
        final String displayTimeZone;
        final Map<String, Map<String, Object>> campaigns = new ConcurrentHashMap<>();
        final Map<String, Map<String, Object>> adGroups = new ConcurrentHashMap<>();
        final Map<String, Map<String, Object>> ads = new ConcurrentHashMap<>();
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

        /**
         * Sets an ad group as TikTok lists it; the id is sent as a JSON number (ids exceed 2^53), and
         * {@code budget} as given (TikTok sends a number).
         */
        Advertiser adGroup(String adGroupId, String campaignId, String name, Object budget, String budgetMode,
                String operationStatus, String secondaryStatus) {
            Map<String, Object> adGroup = new LinkedHashMap<>();
            adGroup.put("adgroup_id", Long.parseLong(adGroupId));
            adGroup.put("adgroup_name", name);
            adGroup.put("campaign_id", campaignId);
            adGroup.put("advertiser_id", Long.parseLong(id));
            adGroup.put("budget", budget);
            adGroup.put("budget_mode", budgetMode);
            adGroup.put("operation_status", operationStatus);
            adGroup.put("secondary_status", secondaryStatus);
            adGroup.put("optimization_goal", "CLICK");
            adGroup.put("billing_event", "CPC");
            adGroup.put("pacing", "PACING_MODE_SMOOTH");
            adGroup.put("schedule_type", "SCHEDULE_START_END");
            adGroup.put("schedule_start_time", "2026-11-01 00:00:00");
            adGroup.put("schedule_end_time", "2026-12-31 23:59:59");
            adGroup.put("placements", List.of("PLACEMENT_TIKTOK"));
            adGroups.put(adGroupId, adGroup);
            return this;
        }

        /** Sets an ad as TikTok lists it, with its id as a JSON number. */
        Advertiser ad(String adId, String adGroupId, String campaignId, String name, String operationStatus,
                String secondaryStatus) {
            Map<String, Object> ad = new LinkedHashMap<>();
            ad.put("ad_id", Long.parseLong(adId));
            ad.put("ad_name", name);
            ad.put("adgroup_id", adGroupId);
            ad.put("campaign_id", campaignId);
            ad.put("advertiser_id", Long.parseLong(id));
            ad.put("operation_status", operationStatus);
            ad.put("secondary_status", secondaryStatus);
            ad.put("ad_format", "SINGLE_VIDEO");
            ad.put("call_to_action", "SHOP_NOW");
            ads.put(adId, ad);
            return this;
        }

        /** Changes one field of a listed entity (campaign, ad group or ad) in place, as an edit in TikTok would. */
        Advertiser edit(String entityId, String field, Object value) {
            for (Map<String, Map<String, Object>> level : List.of(campaigns, adGroups, ads)) {
                Map<String, Object> entity = level.get(entityId);
                if (entity != null) {
                    entity.put(field, value);
                    return this;
                }
            }
            throw new IllegalArgumentException("no entity " + entityId);
        }

        /** Sets a daily report row; {@code metrics} are TikTok's strings ("20.00", "-"); leave a metric out to omit it. */
        Advertiser row(String dataLevel, String entityId, LocalDate date, Map<String, Object> metrics) {
            rows.computeIfAbsent(dataLevel, k -> new ConcurrentHashMap<>())
                    .put(new RowKey(entityId, date, null), new LinkedHashMap<>(metrics));
            return this;
        }

        /** Sets an hourly report row for the local {@code date} and {@code hour} (0-23). */
        Advertiser hourRow(String dataLevel, String entityId, LocalDate date, int hour, Map<String, Object> metrics) {
            rows.computeIfAbsent(dataLevel, k -> new ConcurrentHashMap<>())
                    .put(new RowKey(entityId, date, hour), new LinkedHashMap<>(metrics));
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
