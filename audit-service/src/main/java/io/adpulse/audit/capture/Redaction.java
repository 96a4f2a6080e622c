package io.adpulse.audit.capture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Removes secrets from the copy of a record that audit stores, before it is hashed. A field is secret when
 * its name, lower-cased and without {@code _} and {@code -}, is one of {@link #SECRET_NAMES}, ends with
 * {@code token}, {@code secret}, {@code password} or {@code ciphertext}, or starts with {@code sealedtoken}
 * ({@code token}, {@code access_token}, {@code refreshToken}, {@code client-secret}, {@code sealedTokenV2}...).
 * Its value, whatever it is (string, number, object, array), becomes {@value #MASK}, at any depth. A
 * secret field whose value is {@code null} holds nothing and is left alone.
 *
 * <p>Redaction names what it removed by path ({@code data.accessToken}, {@code items[2].password}) so the
 * stored row says that, and where, its payload differs from the record on the topic. It also returns the
 * removed values, so that other text derived from the record (a parser's error message echoing a token)
 * can be {@linkplain #scrub scrubbed} of them.
 */
public final class Redaction {

    /** What a redacted value is replaced with. */
    public static final String MASK = "[REDACTED]";

    /** Exact secret names, normalised (lower case, no {@code _} or {@code -}). */
    static final Set<String> SECRET_NAMES = Set.of("token", "accesstoken", "refreshtoken", "idtoken", "secret",
            "clientsecret", "appsecret", "password", "passwd", "passphrase", "ciphertext", "sealedtoken", "apikey",
            "privatekey", "authorization", "credentials");

    private static final List<String> SECRET_SUFFIXES = List.of("token", "secret", "password", "ciphertext");

    /** Removed values shorter than this are not scrubbed from other text: too short to be secrets, too common. */
    private static final int MIN_SCRUBBED_LENGTH = 4;

    /** A {@code "name": value} pair in text that is not JSON; the value is a string or a bare scalar. */
    private static final Pattern TEXT_PAIR = Pattern.compile(
            "\"([^\"\\\\]{1,200})\"(\\s*:\\s*)(\"((?:[^\"\\\\]|\\\\.)*)\"?|([^\\s,{}\\[\\]\"]+))");

    /** A single-quoted fragment of at least four characters in a message. */
    private static final Pattern QUOTED = Pattern.compile("'([^'\\n]{" + MIN_SCRUBBED_LENGTH + ",200})'");

    private Redaction() {
    }

    /** Whether a field of this name holds a secret. */
    public static boolean isSecretName(String name) {
        String normalised = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return SECRET_NAMES.contains(normalised) || normalised.startsWith("sealedtoken")
                || SECRET_SUFFIXES.stream().anyMatch(normalised::endsWith);
    }

    /** Redacts {@code root} in place. */
    public static Redacted redact(JsonNode root) {
        Redacted redacted = new Redacted(new ArrayList<>(), new LinkedHashSet<>());
        walk(root, "", redacted);
        return redacted;
    }

    /**
     * Redacts the string and scalar values of secret-named {@code "name": value} pairs in text that could not
     * be parsed as JSON (a truncated event, say); the redacted fields are named as they appear. Best effort:
     * text that does not look like JSON has no field names to go by.
     */
    public static RedactedText redactText(String text) {
        Matcher matcher = TEXT_PAIR.matcher(text);
        StringBuilder out = new StringBuilder();
        Redacted redacted = new Redacted(new ArrayList<>(), new LinkedHashSet<>());
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = matcher.group(4) != null ? matcher.group(4) : matcher.group(5);
            if (isSecretName(name) && !"null".equals(matcher.group(3))) {
                redacted.fields().add(name);
                redacted.values().add(value);
                matcher.appendReplacement(out, Matcher.quoteReplacement(
                        "\"" + name + "\"" + matcher.group(2) + "\"" + MASK + "\""));
            } else {
                matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group()));
            }
        }
        matcher.appendTail(out);
        return new RedactedText(out.toString(), redacted);
    }

    /**
     * {@code text} with every removed value (of at least four characters) replaced by {@value #MASK}, and
     * every quoted fragment ({@code 'like this'}, as parsers quote the token they stumbled on) that is part of
     * a removed value: a parser may echo only the start of a secret.
     */
    public static String scrub(String text, Set<String> removedValues) {
        if (text == null || removedValues.isEmpty()) {
            return text;
        }
        String scrubbed = text;
        List<String> longestFirst = removedValues.stream().filter(v -> v.length() >= MIN_SCRUBBED_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String value : longestFirst) {
            scrubbed = scrubbed.replace(value, MASK);
        }
        Matcher quoted = QUOTED.matcher(scrubbed);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            String fragment = quoted.group(1);
            boolean secret = removedValues.stream().anyMatch(value -> value.contains(fragment));
            quoted.appendReplacement(out, Matcher.quoteReplacement(secret ? "'" + MASK + "'" : quoted.group()));
        }
        quoted.appendTail(out);
        return out.toString();
    }

    /** The paths of the redacted fields, in document order, and the values removed (leaf texts). */
    public record Redacted(List<String> fields, Set<String> values) {
    }

    /** Text with secrets removed, and what was removed. */
    public record RedactedText(String text, Redacted redacted) {
    }

    private static void walk(JsonNode node, String path, Redacted redacted) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            for (String name : names) {
                String childPath = path.isEmpty() ? name : path + "." + name;
                JsonNode value = object.get(name);
                if (isSecretName(name) && !value.isNull()) {
                    collectLeaves(value, redacted.values());
                    object.set(name, StringNode.valueOf(MASK));
                    redacted.fields().add(childPath);
                } else {
                    walk(value, childPath, redacted);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), path + "[" + i + "]", redacted);
            }
        }
    }

    private static void collectLeaves(JsonNode node, Set<String> values) {
        if (node.isContainer()) {
            node.values().forEach(child -> collectLeaves(child, values));
        } else if (!node.isNull()) {
            values.add(node.asString());
        }
    }
}
