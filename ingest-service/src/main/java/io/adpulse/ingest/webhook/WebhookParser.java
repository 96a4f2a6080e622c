package io.adpulse.ingest.webhook;

import io.adpulse.events.WebhookReceived;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a verified webhook body: {@code {"client_key","event","create_time","user_openid","content"}}, where
 * {@code content} is a JSON object encoded as a string (TikTok double-encodes it; an object is accepted too).
 * Anything else is refused with a reason a developer can act on.
 */
final class WebhookParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_EVENT_LENGTH = 128;
    private static final int MAX_OPEN_ID_LENGTH = 256;
    private static final int MAX_CONTENT_FIELDS = 64;
    /** 9999-12-31T23:59:59Z: later values overflowed Instant and the database (a 500, found by the fuzzing pass). */
    private static final long LATEST_CREATE_TIME = 253_402_300_799L;

    private final String clientKey;

    WebhookParser(String clientKey) {
        this.clientKey = clientKey;
    }

    /** The notification in {@code body}, received at {@code receivedAt}. */
    WebhookReceived parse(byte[] body, Instant receivedAt) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw malformed("malformed_json", "The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw malformed("not_an_object", "The body must be a JSON object.");
        }
        String event = text(root, "event", true);
        if (event.isEmpty() || event.length() > MAX_EVENT_LENGTH) {
            throw malformed("bad_event", "'event' must be a non-empty string of at most " + MAX_EVENT_LENGTH
                    + " characters.");
        }
        String key = text(root, "client_key", true);
        if (!key.equals(clientKey)) {
            throw malformed("other_app", "'client_key' names another app than the one this endpoint serves.");
        }
        JsonNode createTime = root.get("create_time");
        if (createTime == null || !createTime.isIntegralNumber() || !createTime.canConvertToLong()
                || createTime.asLong() <= 0 || createTime.asLong() > LATEST_CREATE_TIME) {
            throw malformed("bad_create_time", "'create_time' must be a positive whole number of Unix seconds.");
        }
        String openId = text(root, "user_openid", false);
        if (openId.length() > MAX_OPEN_ID_LENGTH) {
            throw malformed("bad_user_openid", "'user_openid' is longer than " + MAX_OPEN_ID_LENGTH + " characters.");
        }
        Map<String, String> content = content(root.get("content"));
        Instant created = Instant.ofEpochSecond(createTime.asLong());
        return new WebhookReceived(deliveryId(key, event, openId, createTime.asLong(), content), event, key, openId,
                created, content, receivedAt);
    }

    private static Map<String, String> content(JsonNode node) {
        JsonNode object = node;
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (node.isString()) {
            String raw = node.asString();
            if (raw.isBlank()) {
                return Map.of();
            }
            try {
                object = JSON.readTree(raw);
            } catch (JacksonException e) {
                throw malformed("malformed_content", "'content' must be a JSON object encoded as a string; it is "
                        + "not valid JSON.");
            }
        }
        if (object == null || !object.isObject()) {
            throw malformed("malformed_content", "'content' must be a JSON object encoded as a string.");
        }
        if (object.size() > MAX_CONTENT_FIELDS) {
            throw malformed("malformed_content", "'content' has more than " + MAX_CONTENT_FIELDS + " fields.");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            String text = value.isString() ? value.asString() : value.toString();
            if (field.getKey().indexOf('\u0000') >= 0 || text.indexOf('\u0000') >= 0) {
                throw malformed("malformed_content", "'content' must not contain NUL characters.");
            }
            fields.put(field.getKey(), text);
        }
        return fields;
    }

    private static String text(JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw malformed("missing_" + field, "'" + field + "' is required.");
            }
            return "";
        }
        if (!node.isString()) {
            throw malformed("bad_" + field, "'" + field + "' must be a string.");
        }
        if (node.asString().indexOf('\u0000') >= 0) {
            // no text TikTok sends holds one, and PostgreSQL cannot store it (it used to fail the insert: a 500)
            throw malformed("bad_" + field, "'" + field + "' must not contain NUL characters.");
        }
        return node.asString();
    }

    /**
     * Identifies the notification, not the delivery: TikTok's retries and duplicates of one notification carry the
     * same fields (the signature timestamp differs and is not part of it).
     */
    static String deliveryId(String clientKey, String event, String openId, long createTime,
            Map<String, String> content) {
        String canonical = String.join("\u001f", clientKey, event, openId, Long.toString(createTime),
                new TreeMap<>(content).toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static WebhookRejectedException malformed(String reason, String detail) {
        return new WebhookRejectedException(HttpStatus.BAD_REQUEST, reason, detail);
    }
}
