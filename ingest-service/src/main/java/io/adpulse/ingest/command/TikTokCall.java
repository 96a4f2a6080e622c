package io.adpulse.ingest.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One TikTok request a command makes, before it is sent: which API ({@link Api#BUSINESS}, the API for Business v1.3
 * with the {@code Access-Token} header, or {@link Api#OPEN_API}, the v2 Open API with {@code Authorization: Bearer}),
 * the HTTP method, the endpoint path ({@code /campaign/update/}), query parameters and the JSON body (kept in insertion
 * order, so the body sent is exactly the body shown in a dry run). Values of the body are strings, numbers
 * ({@link java.math.BigDecimal} for money), booleans, lists or maps.
 */
public record TikTokCall(Api api, String method, String endpoint, Map<String, String> query, Map<String, Object> body) {

    /** Which TikTok API, and so which base URL and which token header. */
    public enum Api {
        BUSINESS, OPEN_API
    }

    public TikTokCall {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(endpoint, "endpoint");
        query = query == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(query));
        body = body == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /** A JSON POST to the API for Business, e.g. {@code businessPost("/campaign/update/", body)}. */
    public static TikTokCall businessPost(String endpoint, Map<String, Object> body) {
        return new TikTokCall(Api.BUSINESS, "POST", endpoint, Map.of(), body);
    }

    /** A JSON POST to the v2 Open API, e.g. {@code openApiPost("/v2/post/publish/video/init/", body)}. */
    public static TikTokCall openApiPost(String endpoint, Map<String, Object> body) {
        return new TikTokCall(Api.OPEN_API, "POST", endpoint, Map.of(), body);
    }
}
