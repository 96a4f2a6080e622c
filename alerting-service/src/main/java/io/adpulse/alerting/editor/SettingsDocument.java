package io.adpulse.alerting.editor;

import io.adpulse.alerting.config.EditableSettings;
import io.adpulse.alerting.config.InhibitRuleSettings;
import io.adpulse.alerting.config.InvalidSettingException;
import io.adpulse.alerting.config.ReceiverSettings;
import io.adpulse.alerting.config.RouteSettings;
import io.adpulse.alerting.config.RuleOverride;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON document of {@code /api/alerting/config} and of the stored versions, read and written field by field so
 * that every mistake is reported with the field it is in ({@code routes.routes[2].group-wait}). Its shape is that
 * of {@code adpulse.alerting.*} in application.yml (kebab-case names), with the editable rules under {@code rules}
 * and their overrides under {@code overrides}. Reading checks shapes and types; {@link SettingsValidator} checks
 * meaning.
 */
final class SettingsDocument {

    static final String VERSION = "version";
    static final String CHANGED_BY = "changed-by";
    static final String CHANGED_AT = "changed-at";
    private static final Set<String> TOP = Set.of(VERSION, CHANGED_BY, CHANGED_AT, "rules", "overrides", "routes",
            "receivers", "inhibit-rules");
    private static final int MAX_TEXT = 2000;
    private static final int MAX_DIGITS = 20;

    /** Reads numbers as written ({@code 0.1} stays 0.1, large amounts keep every digit) and nothing after the end. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SettingsDocument() {
    }

    /** Parses a document's text; text that is not JSON is refused naming {@code the document}. */
    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("the document", "the body is empty; send the settings as JSON");
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            // the parser's own message quotes the text at fault, which may be a secret: only the place is told
            var at = e.getLocation();
            throw invalid("the document", at == null ? "is not JSON"
                    : "is not JSON (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
    }

    /** Reads the settings of a document; the {@code version}, {@code changed-by} and {@code changed-at} are ignored. */
    static EditableSettings read(JsonNode document) {
        requireObject(document, "the document", TOP);
        return new EditableSettings(
                parameterMaps(document.get("rules"), "rules"),
                list(document.get("overrides"), "overrides", SettingsDocument::override),
                route(required(document, "routes", "routes"), "routes"),
                list(document.get("receivers"), "receivers", SettingsDocument::receiver),
                list(document.get("inhibit-rules"), "inhibit-rules", SettingsDocument::inhibitRule));
    }

    /** Writes {@code settings} as a document (secrets as they are: mask them first for anything shown). */
    static Map<String, Object> write(EditableSettings settings) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rules", settings.rules());
        doc.put("overrides", settings.overrides().stream().map(SettingsDocument::write).toList());
        doc.put("routes", write(settings.routes()));
        doc.put("receivers", settings.receivers().stream().map(SettingsDocument::write).toList());
        doc.put("inhibit-rules", settings.inhibitRules().stream().map(rule -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("source-matchers", rule.sourceMatchers());
            r.put("target-matchers", rule.targetMatchers());
            r.put("equal", rule.equal());
            return r;
        }).toList());
        return doc;
    }

    private static Map<String, Object> write(RuleOverride override) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("level", override.level().label());
        o.put("id", override.id());
        if (override.level() == RuleOverride.Level.BRAND) {
            o.put("advertiser-ids", override.advertiserIds());
        }
        o.put("rules", override.rules());
        return o;
    }

    private static Map<String, Object> write(RouteSettings route) {
        Map<String, Object> r = new LinkedHashMap<>();
        putIfSet(r, "receiver", route.receiver());
        if (!route.matchers().isEmpty()) {
            r.put("matchers", route.matchers());
        }
        putIfSet(r, "group-by", route.groupBy());
        putIfSet(r, "group-wait", duration(route.groupWait()));
        putIfSet(r, "group-interval", duration(route.groupInterval()));
        putIfSet(r, "repeat-interval", duration(route.repeatInterval()));
        if (route.continueMatching()) {
            r.put("continue", true);
        }
        if (!route.routes().isEmpty()) {
            r.put("routes", route.routes().stream().map(SettingsDocument::write).toList());
        }
        return r;
    }

    private static Map<String, Object> write(ReceiverSettings receiver) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", receiver.name());
        putIfAny(r, "webhooks", receiver.webhooks().stream().map(w -> Map.<String, Object>of("url", w.url().toString()))
                .toList());
        putIfAny(r, "slack", receiver.slack().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", s.url().toString());
            putIfSet(m, "channel", s.channel());
            putIfSet(m, "username", s.username());
            return m;
        }).toList());
        putIfAny(r, "email", receiver.email().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("to", e.to());
            m.put("from", e.from());
            m.put("host", e.host());
            m.put("port", e.port());
            putIfSet(m, "username", e.username());
            putIfSet(m, "password", e.password());
            m.put("starttls", e.starttls());
            return m;
        }).toList());
        putIfAny(r, "pagerduty", receiver.pagerduty().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", p.url().toString());
            m.put("routing-key", p.routingKey());
            m.put("source", p.source());
            return m;
        }).toList());
        putIfAny(r, "alertmanager", receiver.alertmanager().stream()
                .map(a -> Map.<String, Object>of("url", a.url().toString())).toList());
        return r;
    }

    private static String duration(Duration duration) {
        return duration == null ? null : DurationStyle.SIMPLE.print(duration);
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static void putIfAny(Map<String, Object> map, String key, List<?> values) {
        if (!values.isEmpty()) {
            map.put(key, values);
        }
    }

    // ---- reading

    private static RuleOverride override(JsonNode node, String path) {
        requireObject(node, path, Set.of("level", "id", "advertiser-ids", "rules"));
        String levelText = text(required(node, "level", path + ".level"), path + ".level");
        RuleOverride.Level level;
        try {
            level = RuleOverride.Level.valueOf(levelText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(path + ".level", "must be advertiser, brand or campaign, was '" + levelText + "'");
        }
        String id = text(required(node, "id", path + ".id"), path + ".id");
        List<String> advertiserIds = strings(node.get("advertiser-ids"), path + ".advertiser-ids");
        return new RuleOverride(level, id, advertiserIds, parameterMaps(node.get("rules"), path + ".rules"));
    }

    private static RouteSettings route(JsonNode node, String path) {
        requireObject(node, path, Set.of("receiver", "matchers", "group-by", "group-wait", "group-interval",
                "repeat-interval", "continue", "routes"));
        JsonNode groupBy = node.get("group-by");
        return new RouteSettings(optionalText(node.get("receiver"), path + ".receiver"),
                strings(node.get("matchers"), path + ".matchers"),
                groupBy == null || groupBy.isNull() ? null : strings(groupBy, path + ".group-by"),
                durationOf(node.get("group-wait"), path + ".group-wait"),
                durationOf(node.get("group-interval"), path + ".group-interval"),
                durationOf(node.get("repeat-interval"), path + ".repeat-interval"),
                bool(node.get("continue"), path + ".continue", false),
                list(node.get("routes"), path + ".routes", SettingsDocument::route));
    }

    private static ReceiverSettings receiver(JsonNode node, String path) {
        requireObject(node, path, Set.of("name", "webhooks", "slack", "email", "pagerduty", "alertmanager"));
        String name = text(required(node, "name", path + ".name"), path + ".name");
        if (!name.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw invalid(path + ".name", "must be 1 to 100 letters, digits, '_', '.' or '-'");
        }
        return new ReceiverSettings(name,
                list(node.get("webhooks"), path + ".webhooks", (w, p) -> {
                    requireObject(w, p, Set.of("url"));
                    return new ReceiverSettings.Webhook(url(required(w, "url", p + ".url"), p + ".url"));
                }),
                list(node.get("slack"), path + ".slack", (s, p) -> {
                    requireObject(s, p, Set.of("url", "channel", "username"));
                    return new ReceiverSettings.Slack(url(required(s, "url", p + ".url"), p + ".url"),
                            optionalText(s.get("channel"), p + ".channel"),
                            optionalText(s.get("username"), p + ".username"));
                }),
                list(node.get("email"), path + ".email", SettingsDocument::email),
                list(node.get("pagerduty"), path + ".pagerduty", (d, p) -> {
                    requireObject(d, p, Set.of("url", "routing-key", "source"));
                    JsonNode url = d.get("url");
                    String source = optionalText(d.get("source"), p + ".source");
                    return new ReceiverSettings.PagerDuty(url == null || url.isNull()
                            ? URI.create("https://events.pagerduty.com/v2/enqueue") : url(url, p + ".url"),
                            text(required(d, "routing-key", p + ".routing-key"), p + ".routing-key"),
                            source == null ? "adpulse" : source);
                }),
                list(node.get("alertmanager"), path + ".alertmanager", (a, p) -> {
                    requireObject(a, p, Set.of("url"));
                    return new ReceiverSettings.Alertmanager(url(required(a, "url", p + ".url"), p + ".url"));
                }));
    }

    private static ReceiverSettings.Email email(JsonNode node, String path) {
        requireObject(node, path, Set.of("to", "from", "host", "port", "username", "password", "starttls"));
        JsonNode portNode = node.get("port");
        int port = 25;
        if (portNode != null && !portNode.isNull()) {
            if (!portNode.isIntegralNumber() || !portNode.canConvertToInt() || portNode.asInt() < 1
                    || portNode.asInt() > 65535) {
                throw invalid(path + ".port", "must be a whole number from 1 to 65535");
            }
            port = portNode.asInt();
        }
        return new ReceiverSettings.Email(text(required(node, "to", path + ".to"), path + ".to"),
                text(required(node, "from", path + ".from"), path + ".from"),
                text(required(node, "host", path + ".host"), path + ".host"), port,
                optionalText(node.get("username"), path + ".username"),
                optionalText(node.get("password"), path + ".password"),
                bool(node.get("starttls"), path + ".starttls", true));
    }

    private static InhibitRuleSettings inhibitRule(JsonNode node, String path) {
        requireObject(node, path, Set.of("source-matchers", "target-matchers", "equal"));
        return new InhibitRuleSettings(strings(node.get("source-matchers"), path + ".source-matchers"),
                strings(node.get("target-matchers"), path + ".target-matchers"),
                strings(node.get("equal"), path + ".equal"));
    }

    /** {@code {rule: {parameter: number}}}; names and ranges are checked by the validator. */
    private static Map<String, Map<String, BigDecimal>> parameterMaps(JsonNode node, String path) {
        Map<String, Map<String, BigDecimal>> rules = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return rules;
        }
        requireObject(node, path, null);
        for (String rule : node.propertyNames()) {
            JsonNode parameters = node.get(rule);
            String rulePath = path + "." + rule;
            requireObject(parameters, rulePath, null);
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (String parameter : parameters.propertyNames()) {
                JsonNode value = parameters.get(parameter);
                if (!value.isNumber()) {
                    throw invalid(rulePath + "." + parameter, "must be a number");
                }
                BigDecimal number = value.decimalValue();
                // 1e999999999 is a short text but a billion digits once written out: refused before any arithmetic
                if (number.scale() > MAX_DIGITS || number.precision() - number.scale() > MAX_DIGITS) {
                    throw invalid(rulePath + "." + parameter, "has more than " + MAX_DIGITS
                            + " digits before or after the decimal point");
                }
                values.put(parameter, number);
            }
            rules.put(rule, values);
        }
        return rules;
    }

    private static <T> List<T> list(JsonNode node, String path, BiFunction<JsonNode, String, T> element) {
        List<T> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw invalid(path, "must be a list");
        }
        for (int i = 0; i < node.size(); i++) {
            values.add(element.apply(node.get(i), path + "[" + i + "]"));
        }
        return values;
    }

    private static List<String> strings(JsonNode node, String path) {
        return list(node, path, SettingsDocument::text);
    }

    private static void requireObject(JsonNode node, String path, Set<String> fields) {
        if (node == null || !node.isObject()) {
            throw invalid(path, "must be an object");
        }
        if (fields != null) {
            for (String name : node.propertyNames()) {
                if (!fields.contains(name)) {
                    throw invalid(path.equals("the document") ? name : path + "." + name,
                            "is not a known field; known: " + fields.stream().sorted().toList());
                }
            }
        }
    }

    private static JsonNode required(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid(path, "is required");
        }
        return value;
    }

    private static String text(JsonNode node, String path) {
        if (node == null || !node.isString()) {
            throw invalid(path, "must be a string");
        }
        String value = node.stringValue().strip();
        if (value.isEmpty()) {
            throw invalid(path, "must not be empty");
        }
        if (value.length() > MAX_TEXT) {
            throw invalid(path, "is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String path) {
        return node == null || node.isNull() ? null : text(node, path);
    }

    private static boolean bool(JsonNode node, String path, boolean otherwise) {
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.isBoolean()) {
            throw invalid(path, "must be true or false");
        }
        return node.asBoolean();
    }

    private static Duration durationOf(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = text(node, path);
        try {
            return DurationStyle.detectAndParse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(path, "'" + text + "' is not a duration such as 30s, 5m, 4h or PT30S");
        }
    }

    /** A URL; its text is never repeated in a message, it may hold a secret. */
    private static URI url(JsonNode node, String path) {
        String text = text(node, path);
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(path, "is not a URL");
        }
    }

    static InvalidSettingException invalid(String field, String reason) {
        return new InvalidSettingException(field, reason, field + ": " + reason);
    }
}
