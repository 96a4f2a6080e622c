package io.adpulse.ingest.tiktok;

import io.adpulse.ingest.config.IngestSettings;
import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.token.AccessToken;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One GET to the TikTok API for Business, or one POST to the Display API v2, made resilient. Per attempt: a rate-limit permit for the app,
 * the endpoint's circuit breaker, the HTTP exchange with connect and response timeouts, then TikTok's
 * envelope ({@code code}, {@code message}, {@code request_id}, {@code data}) unwrapped; a non-zero code
 * becomes a typed {@link TikTokApiException}. Retryable failures are retried with backoff; the failure
 * that ends the call is reported as an API error before it propagates.
 */
@Component
class TikTokHttp {

    private static final String ACCESS_TOKEN_HEADER = "Access-Token";
    private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
    private static final int MAX_MESSAGE_LENGTH = 500;

    private final WebClient client;
    private final URI baseUrl;
    private final URI openApiBaseUrl;
    private final Duration responseTimeout;
    private final TikTokResilience resilience;
    private final DailyQuota quota;
    private final ApiCallMetrics metrics;
    private final ApiErrorReporter errors;
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    TikTokHttp(IngestSettings settings, TikTokResilience resilience, DailyQuota quota, ApiCallMetrics metrics,
            ApiErrorReporter errors) {
        IngestSettings.TikTok tiktok = settings.tiktok();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(tiktok.connectTimeout().toMillis()))
                .responseTimeout(tiktok.responseTimeout());
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES))
                .build();
        this.baseUrl = tiktok.baseUrl();
        this.openApiBaseUrl = tiktok.openApiBaseUrl();
        this.responseTimeout = tiktok.responseTimeout();
        this.resilience = resilience;
        this.quota = quota;
        this.metrics = metrics;
        this.errors = errors;
    }

    /** JSON-encodes a list or object for the query string, as TikTok expects for GET parameters. */
    String json(Object value) {
        return mapper.writeValueAsString(value);
    }

    /** The {@code data} of a successful answer to GET {@code endpoint} with {@code query}, made for {@code origins}. */
    Mono<JsonNode> get(String endpoint, Map<String, String> query, AccessToken token, List<CallOrigin> origins) {
        return get(endpoint, query, token, origins, failure -> false);
    }

    /**
     * As {@link #get(String, Map, AccessToken, List)}, but a final failure that {@code askedOtherwise} accepts is not
     * reported as an API error: the caller asks for the same data in another shape (one advertiser at a time after
     * TikTok refused a report of several) and those calls report what fails for whom.
     */
    Mono<JsonNode> get(String endpoint, Map<String, String> query, AccessToken token, List<CallOrigin> origins,
            Predicate<Throwable> askedOtherwise) {
        URI uri = uri(baseUrl, endpoint, query);
        // The daily quota is taken before each attempt; a spent quota fails the call without sending or counting it.
        Mono<JsonNode> attempt = quota.acquire(endpoint).then(attempt(endpoint, origins,
                () -> client.get().uri(uri).header(ACCESS_TOKEN_HEADER, token.value()).accept(MediaType.APPLICATION_JSON),
                (status, retryAfter, body) -> unwrap(endpoint, status, retryAfter, body, token)));
        Mono<JsonNode> limited = attempt
                .transformDeferred(CircuitBreakerOperator.of(resilience.circuitBreaker(endpoint)))
                .transformDeferred(RateLimiterOperator.of(resilience.rateLimiter()));
        if (origins.stream().allMatch(CallOrigin::backfilling)) {
            // history waits for its own, smaller budget first, leaving the rest of the QPS to live accounts' polls
            limited = limited.transformDeferred(RateLimiterOperator.of(resilience.backfillLimiter()));
        }
        limited = limited.transformDeferred(RateLimiterOperator.of(resilience.minuteLimiter()));
        return perAdvertiser(limited, origins)
                .transformDeferred(RetryOperator.of(resilience.retry(endpoint)))
                .onErrorResume(e -> (askedOtherwise.test(e) ? Mono.<Void>empty() : errors.report(endpoint, origins, e))
                        .then(Mono.error(e)));
    }

    /**
     * A permit of each advertiser's own budget the call is made for (TikTok's per-advertiser limit, 40133): a call
     * about several advertisers (advertiser info, a report of several) takes one of each, as TikTok may count it
     * against every one of them (UNSURE which it does).
     */
    private Mono<JsonNode> perAdvertiser(Mono<JsonNode> call, List<CallOrigin> origins) {
        Mono<JsonNode> limited = call;
        for (String advertiserId : origins.stream().map(CallOrigin::advertiserId).distinct().toList()) {
            limited = limited.transformDeferred(RateLimiterOperator.of(resilience.advertiserLimiter(advertiserId)));
        }
        return limited;
    }

    /**
     * The {@code data} of a successful answer to a Display API v2 POST of {@code endpoint} ({@code /v2/video/list/})
     * on the Open API base URL, with {@code query}, the JSON {@code body} and {@code Authorization: Bearer}, made for
     * {@code origins}. Answers are v2's {@code {"data":{...},"error":{"code":"ok",...}}}; a string error code becomes
     * the typed failure of its Marketing API equivalent (see {@link TikTokErrors#forDisplayError}). Same circuit
     * breaker, retry and error reporting as {@link #get}; the rate limit is the Display API's per endpoint.
     */
    Mono<JsonNode> post(String endpoint, Map<String, String> query, Object body, AccessToken token,
            List<CallOrigin> origins) {
        URI uri = uri(openApiBaseUrl, endpoint, query);
        byte[] json = mapper.writeValueAsBytes(body);
        Mono<JsonNode> attempt = attempt(endpoint, origins,
                () -> client.post().uri(uri).headers(headers -> headers.setBearerAuth(token.value()))
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).bodyValue(json),
                (status, retryAfter, answer) -> unwrapDisplay(endpoint, status, retryAfter, answer, token));
        return attempt
                .transformDeferred(CircuitBreakerOperator.of(resilience.circuitBreaker(endpoint)))
                .transformDeferred(RateLimiterOperator.of(resilience.displayLimiter(endpoint)))
                .transformDeferred(RetryOperator.of(resilience.retry(endpoint)))
                .onErrorResume(e -> errors.report(endpoint, origins, e).then(Mono.error(e)));
    }

    /**
     * One chunk of a Content Posting FILE_UPLOAD: {@code PUT uploadUrl} (the URL TikTok answered to
     * {@code video/init/}, carrying its own upload token, so no access token is sent) with
     * {@code Content-Range: bytes first-last/total}. TikTok answers 206 while chunks remain and 201 after the last;
     * an error answer is a v2 error body. Retried only when refused for rate; reported under {@code endpoint}.
     */
    Mono<Integer> putChunk(String endpoint, URI uploadUrl, String contentType, byte[] chunk, long first, long last,
            long total, List<CallOrigin> origins) {
        String range = "bytes " + first + "-" + last + "/" + total;
        Mono<JsonNode> attempt = attempt(endpoint, origins,
                () -> client.put().uri(uploadUrl).header("Content-Range", range)
                        .contentType(MediaType.parseMediaType(contentType)).contentLength(chunk.length).bodyValue(chunk),
                (status, retryAfter, answer) -> unwrapUpload(endpoint, status, retryAfter, answer));
        return attempt
                .transformDeferred(CircuitBreakerOperator.of(resilience.circuitBreaker(endpoint)))
                .transformDeferred(RetryOperator.of(resilience.writeRetry(endpoint)))
                .onErrorResume(e -> errors.report(endpoint, origins, e).then(Mono.error(e)))
                .map(status -> status.asInt());
    }

    /**
     * One write (a command's call) to TikTok: {@code method} to {@code uri} with the JSON {@code body} (null for none)
     * and the token in the header the API expects ({@code Access-Token} for the API for Business, {@code Authorization:
     * Bearer} for the v2 Open API). Emits TikTok's whole answer (envelope with {@code code}, {@code message},
     * {@code request_id}, {@code data}; v2: {@code data} and {@code error}) when TikTok answered it, success or a
     * refusal of the request itself (bad parameters, unknown ids: TikTok's reason is the answer). Rate limits, token and
     * authorisation rejections, TikTok-side faults and transport failures are errors, reported as API errors like any
     * call's. Unlike reads, a write is retried only when TikTok refused it for its rate limit (it did nothing then):
     * after a timeout or a server fault it may have been applied, and sending it again could apply it twice.
     */
    Mono<JsonNode> write(boolean openApi, String method, String endpoint, Map<String, String> query, byte[] body,
            AccessToken token, List<CallOrigin> origins) {
        URI uri = uri(openApi ? openApiBaseUrl : baseUrl, endpoint, query);
        HttpMethodName verb = HttpMethodName.of(method);
        Supplier<WebClient.RequestHeadersSpec<?>> request = () -> {
            WebClient.RequestBodySpec spec = client.method(verb.method()).uri(uri).accept(MediaType.APPLICATION_JSON);
            if (openApi) {
                spec = spec.headers(headers -> headers.setBearerAuth(token.value()));
            } else {
                spec = spec.header(ACCESS_TOKEN_HEADER, token.value());
            }
            return body == null ? spec : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        };
        Mono<JsonNode> attempt = attempt(endpoint, origins, request,
                (status, retryAfter, answer) -> openApi
                        ? writeAnswerDisplay(endpoint, status, retryAfter, answer, token)
                        : writeAnswer(method, endpoint, status, retryAfter, answer, token));
        Mono<JsonNode> limited = attempt
                .transformDeferred(CircuitBreakerOperator.of(resilience.circuitBreaker(endpoint)));
        if (openApi) {
            limited = limited.transformDeferred(RateLimiterOperator.of(resilience.displayLimiter(endpoint)));
        } else {
            limited = quota.acquire(endpoint).then(limited)
                    .transformDeferred(RateLimiterOperator.of(resilience.rateLimiter()))
                    .transformDeferred(RateLimiterOperator.of(resilience.minuteLimiter()));
            limited = perAdvertiser(limited, origins);
        }
        return limited
                .transformDeferred(RetryOperator.of(resilience.writeRetry(endpoint)))
                .onErrorResume(e -> errors.report(endpoint, origins, e).then(Mono.error(e)));
    }

    /**
     * An image TikTok links to (a creator's avatar on its CDN): one GET, at most {@code maxBytes}, answered only when
     * it is an {@code image/*}; empty otherwise.
     */
    Mono<Image> image(URI url, int maxBytes) {
        if (url.getScheme() == null || !url.getScheme().matches("https?")) {
            return Mono.empty();
        }
        return client.get().uri(url).exchangeToMono(response -> {
            MediaType type = response.headers().contentType().orElse(null);
            if (!response.statusCode().is2xxSuccessful() || type == null || !"image".equals(type.getType())) {
                return response.releaseBody().then(Mono.<Image>empty());
            }
            return response.bodyToMono(byte[].class).filter(bytes -> bytes.length <= maxBytes)
                    .map(bytes -> new Image(type.toString(), bytes));
        }).timeout(responseTimeout).onErrorResume(e -> Mono.empty());
    }

    /** An image's type and bytes. */
    record Image(String contentType, byte[] bytes) {
    }

    /** The JSON of a write's body, exactly as {@link #write} sends it. */
    byte[] jsonBody(Object body) {
        return mapper.writeValueAsBytes(body);
    }

    /** The full URL of a call. */
    URI uriOf(boolean openApi, String endpoint, Map<String, String> query) {
        return uri(openApi ? openApiBaseUrl : baseUrl, endpoint, query);
    }

    /** Reads a JSON answer's node as a plain value: maps, lists, strings, BigDecimal/BigInteger/Long, booleans. */
    Object plain(JsonNode node) {
        return mapper.convertValue(node, Object.class);
    }

    private Answer writeAnswer(String method, String endpoint, int status, String retryAfter, byte[] body,
            AccessToken token) {
        if (status != 200) {
            throw TikTokErrors.forHttpStatus(endpoint, status, retryAfter, Instant.now());
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw TikTokErrors.forMalformedBody(endpoint, status, null);
        }
        JsonNode code = root == null ? null : root.get("code");
        if (code == null || !code.isNumber()) {
            throw TikTokErrors.forMalformedBody(endpoint, status, null);
        }
        if (!TikTokErrors.SUCCESS.contains(code.asInt())) {
            TikTokApiException failure = TikTokErrors.forCode(method, endpoint, code.asInt(), message(root, token),
                    text(root.get("request_id")));
            if (!(failure instanceof TikTokRequestException)) {
                throw failure;
            }
        }
        return new Answer(Integer.toString(code.asInt()), root);
    }

    private Answer writeAnswerDisplay(String endpoint, int status, String retryAfter, byte[] body, AccessToken token) {
        try {
            unwrapDisplay(endpoint, status, retryAfter, body, token);
            return new Answer("ok", mapper.readTree(body));
        } catch (TikTokRequestException refused) {
            JsonNode root;
            try {
                root = body.length == 0 ? null : mapper.readTree(body);
            } catch (JacksonException e) {
                root = null;
            }
            if (root == null || !root.isObject()) {
                throw refused;
            }
            return new Answer(refused.code() == TikTokApiException.NO_CODE ? "http_" + status
                    : Integer.toString(refused.code()), root);
        }
    }

    /** The HTTP methods a write may use. */
    private enum HttpMethodName {
        POST(org.springframework.http.HttpMethod.POST), PUT(org.springframework.http.HttpMethod.PUT),
        DELETE(org.springframework.http.HttpMethod.DELETE), GET(org.springframework.http.HttpMethod.GET);

        private final org.springframework.http.HttpMethod method;

        HttpMethodName(org.springframework.http.HttpMethod method) {
            this.method = method;
        }

        org.springframework.http.HttpMethod method() {
            return method;
        }

        static HttpMethodName of(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * One HTTP attempt, its answer unwrapped: counted once, on the tally of the first caller and in the call metric under
     * its connection. A call made for several connections (advertiser info, a report of several advertisers) thus
     * counts once, and the runs' call counts add up to the calls made.
     */
    private Mono<JsonNode> attempt(String endpoint, List<CallOrigin> origins,
            Supplier<WebClient.RequestHeadersSpec<?>> request, Unwrapper unwrapper) {
        String connection = origins.get(0).connectionId();
        String reason = origins.get(0).reason().name();
        return Mono.defer(() -> {
            origins.get(0).tally().callMade();
            return request.get()
                    .exchangeToMono(response -> response.bodyToMono(byte[].class)
                            .defaultIfEmpty(new byte[0])
                            .map(body -> unwrapper.unwrap(response.statusCode().value(),
                                    response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), body)))
                    .timeout(responseTimeout)
                    .onErrorMap(e -> !(e instanceof TikTokApiException), e -> transportFailure(endpoint, e))
                    .doOnNext(answer -> metrics.count(endpoint, answer.outcome(), connection, reason))
                    .doOnError(e -> metrics.count(endpoint, outcome((TikTokApiException) e), connection, reason))
                    .map(Answer::data);
        });
    }

    /** Turns an HTTP answer into TikTok's data or a typed failure. */
    @FunctionalInterface
    private interface Unwrapper {
        Answer unwrap(int status, String retryAfter, byte[] body);
    }

    /**
     * The URL of {@code endpoint} with {@code query}, each value encoded strictly (as a URI variable): a value's
     * {@code +}, {@code &}, {@code =} or {@code #} (a Spark Ads code is {@code #} and base64) reaches TikTok as sent.
     */
    private static URI uri(URI base, String endpoint, Map<String, String> query) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUri(base).path(endpoint);
        Map<String, String> values = new java.util.HashMap<>();
        query.forEach((name, value) -> {
            String variable = "q" + values.size();
            builder.queryParam(name, "{" + variable + "}");
            values.put(variable, value);
        });
        return builder.encode().buildAndExpand(values).toUri();
    }

    private Answer unwrap(String endpoint, int status, String retryAfter, byte[] body, AccessToken token) {
        if (status != 200) {
            throw TikTokErrors.forHttpStatus(endpoint, status, retryAfter, Instant.now());
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw TikTokErrors.forMalformedBody(endpoint, status, null);
        }
        JsonNode code = root == null ? null : root.get("code");
        if (code == null || !code.isNumber()) {
            throw TikTokErrors.forMalformedBody(endpoint, status, null);
        }
        if (!TikTokErrors.SUCCESS.contains(code.asInt())) {
            throw TikTokErrors.forCode(endpoint, code.asInt(), message(root, token), text(root.get("request_id")));
        }
        return new Answer(Integer.toString(code.asInt()), root.path("data"));
    }

    private Answer unwrapDisplay(String endpoint, int status, String retryAfter, byte[] body, AccessToken token) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : mapper.readTree(body);
        } catch (JacksonException e) {
            root = null;
        }
        JsonNode error = root == null ? null : root.get("error");
        String code = error == null ? null : text(error.get("code"));
        if (code == null) {
            if (status != 200) {
                throw TikTokErrors.forHttpStatus(endpoint, status, retryAfter, Instant.now());
            }
            throw TikTokErrors.forMalformedBody(endpoint, status, null);
        }
        if (!"ok".equals(code) || status != 200) {
            throw TikTokErrors.forDisplayError(endpoint, status, code, message(error, token),
                    text(error.get("log_id")), retryAfter, Instant.now());
        }
        return new Answer("ok", root.path("data"));
    }

    private Answer unwrapUpload(String endpoint, int status, String retryAfter, byte[] body) {
        if (status == 201 || status == 206 || status == 200) {
            return new Answer("http_" + status, tools.jackson.databind.node.IntNode.valueOf(status));
        }
        JsonNode root;
        try {
            root = body.length == 0 ? null : mapper.readTree(body);
        } catch (JacksonException e) {
            root = null;
        }
        JsonNode error = root == null ? null : root.get("error");
        String code = error == null ? null : text(error.get("code"));
        if (code == null) {
            throw TikTokErrors.forHttpStatus(endpoint, status, retryAfter, Instant.now());
        }
        String message = text(error.get("message"));
        throw TikTokErrors.forDisplayError("PUT", endpoint, status, code, message == null ? "no message" : message,
                text(error.get("log_id")), retryAfter, Instant.now());
    }

    private static String message(JsonNode root, AccessToken token) {
        String message = token.redact(text(root.get("message")));
        if (message == null) {
            return "no message";
        }
        return message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) + "…" : message;
    }

    private TikTokApiException transportFailure(String endpoint, Throwable e) {
        if (isTimeout(e)) {
            return TikTokErrors.forTransport(endpoint, "no answer within " + responseTimeout, e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return TikTokErrors.forTransport(endpoint, root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage()), e);
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof io.netty.handler.timeout.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String outcome(TikTokApiException e) {
        if (e.code() != TikTokApiException.NO_CODE) {
            return Integer.toString(e.code());
        }
        if (e.httpStatus() == 200) {
            return "malformed_body";
        }
        if (e.httpStatus() > 0) {
            return "http_" + e.httpStatus();
        }
        return isTimeout(e.getCause()) ? "timeout" : "io_error";
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.asString();
    }

    /** A successful answer: TikTok's code (0, or 20001 for partial success; {@code ok} in v2) and its {@code data}. */
    private record Answer(String outcome, JsonNode data) {
    }
}
