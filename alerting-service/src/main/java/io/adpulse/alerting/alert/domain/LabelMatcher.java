package io.adpulse.alerting.alert.domain;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition on one label, as Alertmanager writes it: {@code name="value"}, {@code name!="value"},
 * {@code name=~"regex"} or {@code name!~"regex"}. Routes and silences select alerts with lists of these
 * (all must hold). A label the alert does not have counts as the empty string, and a regex must match the
 * whole value, as in Alertmanager. The labels an alert is matched on are its own plus {@code alertname} and
 * {@code rule} (the rule name) and {@code severity} (see {@link Alert#matchLabels()}).
 */
public record LabelMatcher(String name, String value, boolean regex, boolean equal) {

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern SYNTAX = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*");
    private static final int MAX_VALUE_LENGTH = 1000;

    public LabelMatcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!LABEL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a label name (letters, digits and _, "
                    + "not starting with a digit)");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("the value of matcher " + name + " is longer than " + MAX_VALUE_LENGTH
                    + " characters");
        }
        if (regex) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("the value of matcher " + name + " is not a valid regular expression: "
                        + e.getDescription());
            }
        }
    }

    /** Parses {@code name="value"} (the quotes may be left out) and the other three operators. */
    public static LabelMatcher parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a matcher such as severity=\"critical\", "
                    + "rule!=\"x\", advertiser_id=~\"7.*\" or campaign_name!~\"test.*\"");
        }
        String value = m.group(3);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        String operator = m.group(2);
        return new LabelMatcher(m.group(1), value, operator.endsWith("~"), operator.charAt(0) == '=');
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        boolean hit = regex ? Pattern.compile(value).matcher(actual).matches() : value.equals(actual);
        return hit == equal;
    }

    @Override
    public String toString() {
        String operator = equal ? (regex ? "=~" : "=") : (regex ? "!~" : "!=");
        return name + operator + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"";
    }
}
