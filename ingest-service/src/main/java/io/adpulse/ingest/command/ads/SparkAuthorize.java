package io.adpulse.ingest.command.ads;

import io.adpulse.events.CommandRequested;
import io.adpulse.ingest.command.CommandContext;
import io.adpulse.ingest.command.CommandHandler;
import io.adpulse.ingest.command.CommandParameters;
import io.adpulse.ingest.command.CommandRejectedException;
import io.adpulse.ingest.command.TikTokAnswer;
import io.adpulse.ingest.command.TikTokCall;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code spark.authorize}: registers a creator's Spark Ads code for the advertiser, so that the post can run as a
 * Spark ad ({@code ad.create} with {@code tiktokItemId}, {@code identityType} AUTH_CODE and {@code identityId}).
 * Parameter {@code authCode}, the code the creator made in the TikTok app for one post. TikTok:
 * {@code POST /tt_video/authorize/} {@code {advertiser_id, auth_code}} (tiktok-api.md §7.4), then, after a success,
 * {@code GET /tt_video/info/?advertiser_id=&auth_code=} for the post. The code is the creator's credential for the
 * post: it is sent, but results and the audit log show only its last characters.
 *
 * <p>The result's {@code entityId} is the post's item id and {@code after} the post: {@code itemId}, {@code caption},
 * {@code identityType}, {@code identityId}, {@code creator} (display name), {@code username}, {@code authStatus},
 * {@code authEndTime} (until when it may run). UNSURE: the shape of TikTok's answers (which fields authorize and info
 * return) is not in our sources; the sandbox's is described in tiktok-sandbox/README.md, and the post's ids are taken
 * from the info call, which every integration we know of makes after authorizing.
 */
@Component
class SparkAuthorize implements CommandHandler {

    /** A Spark Ads code as creators copy it: usually {@code #} and base64 text. */
    static final Pattern AUTH_CODE = Pattern.compile("^#?[A-Za-z0-9+/=_-]{8,256}$");

    @Override
    public String kind() {
        return "spark.authorize";
    }

    @Override
    public void validate(CommandParameters parameters) {
        parameters.onlyKnown(Set.of("authCode"));
        authCode(parameters);
    }

    /** The code; a malformed one is refused without repeating it (the reason is logged and recorded). */
    private static String authCode(CommandParameters parameters) {
        String code = parameters.text("authCode");
        if (!AUTH_CODE.matcher(code).matches()) {
            throw new CommandRejectedException("parameter 'authCode' must be a Spark Ads code as the creator's app"
                    + " shows it (# and 8-256 letters, digits or + / = _ -)");
        }
        return code;
    }

    @Override
    public TikTokCall request(CommandRequested command, CommandParameters parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("advertiser_id", command.advertiserId());
        body.put("auth_code", authCode(parameters));
        return TikTokCall.businessPost("/tt_video/authorize/", body).withSecrets("auth_code");
    }

    /** Authorizes, then reads the post (its item id becomes the result's entity id). */
    @Override
    public Mono<TikTokAnswer> execute(CommandContext context, TikTokCall request) {
        return context.send(request).flatMap(authorized -> {
            if (!authorized.ok()) {
                return Mono.just(authorized);
            }
            return context.send(info(context)).map(info -> {
                Map<String, Object> data = new LinkedHashMap<>(authorized.data());
                String itemId = info.ok() ? text(info.data().get("item_info"), "item_id") : null;
                if (itemId != null) {
                    data.putIfAbsent("item_id", itemId);
                }
                return new TikTokAnswer(true, authorized.code(), authorized.message(), authorized.requestId(), data);
            });
        });
    }

    @Override
    public String entityId(CommandParameters parameters, TikTokAnswer answer) {
        return answer.dataText("item_id");
    }

    @Override
    public Mono<Map<String, Object>> readAfter(CommandContext context, String entityId) {
        return context.send(info(context)).flatMap(info -> info.ok() ? Mono.just(post(info.data()))
                : Mono.error(new IllegalStateException("tt_video/info/ answered " + info.code() + " "
                        + info.message())));
    }

    private static TikTokCall info(CommandContext context) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("advertiser_id", context.command().advertiserId());
        query.put("auth_code", authCode(context.parameters()));
        return new TikTokCall(TikTokCall.Api.BUSINESS, "GET", "/tt_video/info/", query, null)
                .withSecrets("auth_code");
    }

    /** The post as the result records it. */
    static Map<String, Object> post(Map<String, Object> info) {
        Map<String, Object> post = new LinkedHashMap<>();
        put(post, "itemId", text(info.get("item_info"), "item_id"));
        put(post, "caption", text(info.get("item_info"), "text"));
        put(post, "identityType", text(info.get("user_info"), "identity_type"));
        put(post, "identityId", text(info.get("user_info"), "identity_id"));
        put(post, "creator", text(info.get("user_info"), "display_name"));
        put(post, "username", text(info.get("user_info"), "username"));
        put(post, "authStatus", text(info.get("auth_info"), "ad_auth_status"));
        put(post, "authEndTime", text(info.get("auth_info"), "auth_end_time"));
        return post;
    }

    private static String text(Object object, String field) {
        if (object instanceof Map<?, ?> map && map.get(field) != null) {
            return map.get(field).toString();
        }
        return null;
    }

    private static void put(Map<String, Object> map, String name, String value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
