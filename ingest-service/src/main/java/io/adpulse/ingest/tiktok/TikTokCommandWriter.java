package io.adpulse.ingest.tiktok;

import io.adpulse.events.CommandResult;
import io.adpulse.events.EntityLevel;
import io.adpulse.ingest.command.TikTokAnswer;
import io.adpulse.ingest.command.TikTokCall;
import io.adpulse.ingest.command.TikTokWriter;
import io.adpulse.ingest.sync.CallOrigin;
import io.adpulse.ingest.sync.EntitySnapshot;
import io.adpulse.ingest.token.AccessToken;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@link TikTokWriter} over {@link TikTokHttp#write}: the request a dry run shows is built by the same code, from the
 * same bytes, as the one sent. TikTok's refusals become answers with its code, message and request id; failures that
 * never got an answer from TikTok become answers without a code and with the reason.
 */
@Component
class TikTokCommandWriter implements TikTokWriter {

    private static final int MAX_MESSAGE = 1000;

    private final TikTokHttp http;
    private final TikTokBusinessClient business;

    TikTokCommandWriter(TikTokHttp http, TikTokBusinessClient business) {
        this.http = http;
        this.business = business;
    }

    @Override
    public CommandResult.TikTokRequest describe(TikTokCall sent) {
        TikTokCall call = sent.masked();
        byte[] body = call.body() == null ? null : http.jsonBody(call.body());
        return new CommandResult.TikTokRequest(call.method(),
                http.uriOf(call.api() == TikTokCall.Api.OPEN_API, call.endpoint(), call.query()).toString(),
                body == null ? null : new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public Mono<TikTokAnswer> send(CallOrigin origin, AccessToken token, TikTokCall call) {
        boolean openApi = call.api() == TikTokCall.Api.OPEN_API;
        byte[] body = call.body() == null ? null : http.jsonBody(call.body());
        return Mono.defer(() -> http.write(openApi, call.method(), call.endpoint(), call.query(), body, token,
                        List.of(origin)))
                .map(root -> openApi ? openApiAnswer(root) : businessAnswer(root))
                .onErrorResume(e -> Mono.just(failure(e, token)));
    }

    @Override
    public Mono<EntitySnapshot> read(CallOrigin origin, AccessToken token, EntityLevel level, String entityId) {
        return business.entity(origin, token, level, entityId);
    }

    private TikTokAnswer businessAnswer(JsonNode root) {
        int code = root.path("code").asInt();
        return new TikTokAnswer(TikTokErrors.SUCCESS.contains(code), code, TikTokHttp.text(root.get("message")),
                TikTokHttp.text(root.get("request_id")), data(root.get("data")));
    }

    private TikTokAnswer openApiAnswer(JsonNode root) {
        JsonNode error = root.path("error");
        String code = TikTokHttp.text(error.get("code"));
        boolean ok = "ok".equals(code);
        String message = TikTokHttp.text(error.get("message"));
        return new TikTokAnswer(ok, ok ? 0 : TikTokErrors.forDisplayError("", 200, code, "", null, null,
                java.time.Instant.now()).code(), code + (message == null || message.isBlank() ? "" : ": " + message),
                TikTokHttp.text(error.get("log_id")), data(root.get("data")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(JsonNode data) {
        if (data == null || !data.isObject()) {
            return Map.of();
        }
        Object plain = http.plain(data);
        return plain instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : Map.of();
    }

    private static TikTokAnswer failure(Throwable e, AccessToken token) {
        if (e instanceof TikTokApiException tiktok) {
            Integer code = tiktok.code() == TikTokApiException.NO_CODE ? null : tiktok.code();
            return new TikTokAnswer(false, code, shorten(token.redact(tiktok.getMessage())), tiktok.requestId(), Map.of());
        }
        String reason = switch (e.getClass().getSimpleName()) {
            case "CallNotPermittedException" -> "not sent: TikTok's endpoint is failing and its circuit breaker is open";
            case "RequestNotPermitted" -> "not sent: no rate-limit permit within the wait";
            default -> "not sent: " + e.getClass().getSimpleName();
        };
        return new TikTokAnswer(false, null, reason, null, Map.of());
    }

    private static String shorten(String message) {
        if (message == null) {
            return null;
        }
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
    }
}
