package io.adpulse.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads TikTok's JSON-encoded query values ({@code advertiser_ids=["1","2"]}, {@code filtering={...}}) and
 * JSON bodies. Anything malformed is a {@code 40002} naming the parameter, as TikTok answers.
 */
@Component
public class JsonParams {

    private final JsonMapper mapper;

    JsonParams(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** A required plain value. */
    public static String required(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.param(name, "Missing data for required field.");
        }
        return raw.trim();
    }

    /** A JSON array of ids; ids may come as strings or (as TikTok's own clients sometimes send) numbers. */
    public Optional<List<String>> ids(String name, String raw) {
        return strings(name, raw, true);
    }

    /** A JSON array of strings. */
    public Optional<List<String>> strings(String name, String raw) {
        return strings(name, raw, false);
    }

    /** A JSON object. */
    public Optional<JsonNode> object(String name, String raw) {
        return parse(name, raw).map(node -> {
            if (!node.isObject()) {
                throw ApiException.param(name, "Not a valid object.");
            }
            return node;
        });
    }

    /** A JSON value of any shape. */
    public Optional<JsonNode> parse(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readTree(raw));
        } catch (JacksonException malformed) {
            throw ApiException.param(name, "Invalid JSON format, expected a JSON-encoded value.");
        }
    }

    /** A JSON request body, which must be an object. */
    public JsonNode body(String raw) {
        return object("body", raw).orElseThrow(() -> ApiException.param("body", "Missing JSON request body."));
    }

    /** A string member of a JSON object, as TikTok reads it: numbers are accepted for ids. */
    public static Optional<String> text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString() && !value.isNumber()) {
            throw ApiException.param(field, "Not a valid string.");
        }
        String text = value.asString().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A list of strings from a JSON array node. */
    public static List<String> strings(String name, JsonNode node, boolean numbersAllowed) {
        if (!node.isArray()) {
            throw ApiException.param(name, "Not a valid list.");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node.values()) {
            if (!element.isString() && !(numbersAllowed && element.isIntegralNumber())) {
                throw ApiException.param(name, "Not a valid list of strings.");
            }
            values.add(element.asString());
        }
        return values;
    }

    private Optional<List<String>> strings(String name, String raw, boolean numbersAllowed) {
        return parse(name, raw).map(node -> strings(name, node, numbersAllowed));
    }
}
