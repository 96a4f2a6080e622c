package io.adpulse.gateway.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code POST /api/commands}, checked: {@code kind}, {@code connectionId}, {@code advertiserId}, a
 * {@code parameters} object and an optional {@code dryRun} flag. {@link #parse} names the first problem it finds;
 * {@link #fingerprint} is the SHA-256 of the canonical command (keys sorted at every depth), so the same command sent
 * twice has the same fingerprint and any change of it another one.
 */
record CommandForm(String kind, String connectionId, String advertiserId, boolean dryRun,
        Map<String, Object> parameters) {

    static final Pattern KIND = Pattern.compile("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$");
    static final Pattern ID = Pattern.compile("^[A-Za-z0-9._:|-]{1,128}$");
    /** A Spark Ads code as creators copy it from the TikTok app: usually {@code #} and base64 text. */
    static final Pattern AUTH_CODE = Pattern.compile("^#?[A-Za-z0-9+/=_-]{8,256}$");
    static final List<String> IDENTITY_TYPES = List.of("AUTH_CODE", "TT_USER", "BC_AUTH_TT");
    private static final List<String> FIELDS = List.of("kind", "connectionId", "advertiserId", "dryRun", "parameters");
    private static final int MAX_KIND = 64;
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** The form in {@code body}, with {@code dryRunQuery} ({@code ?dryRun=true}) winning over the body's flag when set. */
    static CommandForm parse(byte[] body, Boolean dryRunQuery) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidCommandException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCommandException("the body must be a JSON object with kind, connectionId, advertiserId"
                    + " and parameters");
        }
        List<String> unknown = new ArrayList<>();
        root.propertyNames().forEach(name -> {
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidCommandException("unknown field(s) " + String.join(", ", unknown) + "; a command has "
                    + String.join(", ", FIELDS));
        }
        String kind = text(root, "kind");
        if (kind.length() > MAX_KIND || !KIND.matcher(kind).matches()) {
            throw new InvalidCommandException("kind must be lower-case words separated by dots, like"
                    + " campaign.update, got '" + kind + "'");
        }
        String connectionId = id(root, "connectionId");
        String advertiserId = id(root, "advertiserId");
        JsonNode parameters = root.get("parameters");
        if (parameters == null || !parameters.isObject()) {
            throw new InvalidCommandException("parameters must be a JSON object (it may be empty)");
        }
        JsonNode flag = root.get("dryRun");
        if (flag != null && !flag.isNull() && !flag.isBoolean()) {
            throw new InvalidCommandException("dryRun must be true or false");
        }
        boolean dryRun = dryRunQuery != null ? dryRunQuery : flag != null && flag.asBoolean(false);
        @SuppressWarnings("unchecked")
        Map<String, Object> values = JSON.convertValue(parameters, LinkedHashMap.class);
        spark(kind, parameters);
        return new CommandForm(kind, connectionId, advertiserId, dryRun, values);
    }

    /**
     * Spark Ads parameters, checked here so a mistyped code or a half-filled Spark ad is a 400 at once (ingest-service
     * checks every kind's parameters again, see its README): {@code spark.authorize} takes only {@code authCode}, a
     * code as the creator's app shows it; an {@code ad.create} naming a post ({@code tiktokItemId}, digits) needs
     * {@code identityType} ({@link #IDENTITY_TYPES}) and {@code identityId}, and no {@code videoId} or
     * {@code imageIds}; {@code identityType} and {@code identityId} without a post are refused.
     */
    static void spark(String kind, JsonNode parameters) {
        if (kind.equals("spark.authorize")) {
            List<String> unknown = new ArrayList<>();
            parameters.propertyNames().forEach(name -> {
                if (!name.equals("authCode")) {
                    unknown.add(name);
                }
            });
            if (!unknown.isEmpty()) {
                throw new InvalidCommandException("unknown parameter(s) " + String.join(", ", unknown)
                        + " for spark.authorize; it takes authCode");
            }
            JsonNode code = parameters.get("authCode");
            if (code == null || code.isNull()) {
                throw new InvalidCommandException("parameters.authCode is required: the Spark Ads code the creator"
                        + " made for the post in the TikTok app");
            }
            if (!code.isString() || !AUTH_CODE.matcher(code.stringValue().strip()).matches()) {
                throw new InvalidCommandException("parameters.authCode must be a Spark Ads code as the creator's app"
                        + " shows it: # and 8-256 letters, digits or + / = _ -");
            }
            return;
        }
        if (!kind.equals("ad.create")) {
            return;
        }
        boolean post = present(parameters, "tiktokItemId");
        if (!post) {
            if (present(parameters, "identityType") || present(parameters, "identityId")) {
                throw new InvalidCommandException("parameters.identityType and identityId make a Spark ad and need"
                        + " parameters.tiktokItemId, the authorized post");
            }
            return;
        }
        JsonNode item = parameters.get("tiktokItemId");
        if (!(item.isString() || item.isIntegralNumber()) || !item.asString().strip().matches("\\d{1,30}")) {
            throw new InvalidCommandException("parameters.tiktokItemId must be the post's item id (digits)");
        }
        JsonNode type = parameters.get("identityType");
        if (type == null || !type.isString() || !IDENTITY_TYPES.contains(type.stringValue())) {
            throw new InvalidCommandException("parameters.identityType of a Spark ad must be one of "
                    + String.join(", ", IDENTITY_TYPES));
        }
        JsonNode identity = parameters.get("identityId");
        if (identity == null || !(identity.isString() || identity.isIntegralNumber())
                || identity.asString().isBlank()) {
            throw new InvalidCommandException("parameters.identityId of a Spark ad is required: the identity the post"
                    + " was authorized under");
        }
        if (present(parameters, "videoId") || present(parameters, "imageIds")) {
            throw new InvalidCommandException("parameters.videoId and imageIds must be left out of a Spark ad: the"
                    + " post named by tiktokItemId is its video");
        }
    }

    private static boolean present(JsonNode parameters, String name) {
        JsonNode value = parameters.get(name);
        return value != null && !value.isNull();
    }

    private static String text(JsonNode root, String name) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidCommandException(name + " is required");
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            throw new InvalidCommandException(name + " must be a non-blank string");
        }
        return value.stringValue().strip();
    }

    private static String id(JsonNode root, String name) {
        String id = text(root, name);
        if (!ID.matcher(id).matches()) {
            throw new InvalidCommandException(name + " must be 1-128 letters, digits or . _ : | -, got '" + id + "'");
        }
        return id;
    }

    /** SHA-256 (hex) of the canonical command as {@code actor} issues it. */
    String fingerprint(String actor) {
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("actor", actor);
        canonical.put("advertiserId", advertiserId);
        canonical.put("connectionId", connectionId);
        canonical.put("dryRun", dryRun);
        canonical.put("kind", kind);
        canonical.put("parameters", parameters);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(JSON.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
