package io.adpulse.audit.capture;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses record values as JSON and writes the canonical form audit stores and hashes: object keys sorted,
 * no insignificant whitespace, numbers exactly as written (no float rounding, trailing zeros kept). Parsing
 * is strict: a duplicate key or trailing content makes the value "not JSON", so it is kept as text rather
 * than silently losing one of the duplicates. Thread-safe.
 */
public final class CanonicalJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(JsonNodeFeature.WRITE_NULL_PROPERTIES)
            .build();

    /** The value as a JSON tree, or empty when it is not (strictly) JSON. */
    public Optional<JsonNode> parse(byte[] value) {
        try {
            JsonNode node = mapper.readTree(value);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** The canonical text of a tree. */
    public String write(JsonNode node) {
        return mapper.writeValueAsString(node);
    }
}
