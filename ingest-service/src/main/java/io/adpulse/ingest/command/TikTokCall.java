package io.adpulse.ingest.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One TikTok request a command makes, before it is sent: which API ({@link Api#BUSINESS}, the API for Business v1.3
 * with the {@code Access-Token} header, or {@link Api#OPEN_API}, the v2 Open API with {@code Authorization: Bearer}),
 * the HTTP method, the endpoint path ({@code /campaign/update/}), query parameters and the JSON body (kept in insertion
 * order, so the body sent is exactly the body shown in a dry run). Values of the body are strings, numbers
 * ({@link java.math.BigDecimal} for money), booleans, lists or maps. {@code secrets} names the query parameters and
 * top-level body fields that are credentials (a creator's Spark Ads code): they are sent, but a description of the call
 * (a dry run, a result, the audit log) shows only their last {@value #SHOWN} characters ({@link #masked}).
 */
public record TikTokCall(Api api, String method, String endpoint, Map<String, String> query, Map<String, Object> body,
        Set<String> secrets) {

    /** How many trailing characters of a secret a description shows. */
    public static final int SHOWN = 4;

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
        secrets = secrets == null ? Set.of() : Set.copyOf(secrets);
    }

    /** A call without secrets. */
    public TikTokCall(Api api, String method, String endpoint, Map<String, String> query, Map<String, Object> body) {
        this(api, method, endpoint, query, body, Set.of());
    }

    /** The same call with these query parameters and body fields marked as secrets. */
    public TikTokCall withSecrets(String... names) {
        return new TikTokCall(api, method, endpoint, query, body, Set.of(names));
    }

    /** The call as it may be shown: each secret value replaced by {@code ••••} and its last {@value #SHOWN} characters. */
    public TikTokCall masked() {
        if (secrets.isEmpty()) {
            return this;
        }
        Map<String, String> shownQuery = new LinkedHashMap<>(query);
        shownQuery.replaceAll((name, value) -> secrets.contains(name) ? mask(value) : value);
        Map<String, Object> shownBody = body == null ? null : new LinkedHashMap<>(body);
        if (shownBody != null) {
            shownBody.replaceAll((name, value) -> secrets.contains(name) && value != null ? mask(value.toString())
                    : value);
        }
        return new TikTokCall(api, method, endpoint, shownQuery, shownBody, secrets);
    }

    static String mask(String value) {
        return "••••" + (value.length() > 2 * SHOWN ? value.substring(value.length() - SHOWN) : "");
    }

    /** A JSON POST to the API for Business, e.g. {@code businessPost("/campaign/update/", body)}. */
    public static TikTokCall businessPost(String endpoint, Map<String, Object> body) {
        return new TikTokCall(Api.BUSINESS, "POST", endpoint, Map.of(), body, Set.of());
    }

    /** A JSON POST to the v2 Open API, e.g. {@code openApiPost("/v2/post/publish/video/init/", body)}. */
    public static TikTokCall openApiPost(String endpoint, Map<String, Object> body) {
        return new TikTokCall(Api.OPEN_API, "POST", endpoint, Map.of(), body, Set.of());
    }
}
