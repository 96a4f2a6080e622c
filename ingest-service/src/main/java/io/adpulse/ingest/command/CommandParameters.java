package io.adpulse.ingest.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, checked access to a command's {@code parameters}. Every accessor throws {@link CommandRejectedException}
 * naming the parameter and what is wrong, so a handler's {@code validate} is a few calls. Decimals may arrive as JSON
 * numbers or strings; ids as strings or integers.
 */
public record CommandParameters(Map<String, Object> values) {

    private static final int MAX_TEXT = 512;

    public CommandParameters {
        values = values == null ? Map.of() : values;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** A required non-blank text (an id may be given as an integer). */
    public String text(String name) {
        return optionalText(name).orElseThrow(() -> reject(name, "is required"));
    }

    public Optional<String> optionalText(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String) && !(value instanceof Number)) {
            throw reject(name, "must be a string");
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            throw reject(name, "must not be blank");
        }
        if (text.length() > MAX_TEXT) {
            throw reject(name, "is longer than " + MAX_TEXT + " characters");
        }
        return Optional.of(text);
    }

    /** A required TikTok id: digits only. */
    public String id(String name) {
        String id = text(name);
        if (!id.chars().allMatch(Character::isDigit)) {
            throw reject(name, "must be a TikTok id (digits only), got '" + id + "'");
        }
        return id;
    }

    /** A required non-empty list of TikTok ids (at most {@code max}). */
    public List<String> ids(String name, int max) {
        Object value = values.get(name);
        if (!(value instanceof Collection<?> list) || list.isEmpty()) {
            throw reject(name, "must be a non-empty list of ids");
        }
        if (list.size() > max) {
            throw reject(name, "may hold at most " + max + " ids, got " + list.size());
        }
        List<String> ids = new ArrayList<>();
        for (Object item : list) {
            String id = item == null ? "" : item.toString().strip();
            if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
                throw reject(name, "must hold TikTok ids (digits only), got '" + item + "'");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    /** A required decimal greater than zero, at most {@code scale} decimal places. */
    public BigDecimal positiveDecimal(String name, int scale) {
        return optionalPositiveDecimal(name, scale).orElseThrow(() -> reject(name, "is required"));
    }

    public Optional<BigDecimal> optionalPositiveDecimal(String name, int scale) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        BigDecimal decimal;
        try {
            decimal = value instanceof BigDecimal d ? d : new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw reject(name, "must be a decimal number, got '" + value + "'");
        }
        if (decimal.signum() <= 0) {
            throw reject(name, "must be greater than zero, got " + decimal.toPlainString());
        }
        if (decimal.stripTrailingZeros().scale() > scale) {
            throw reject(name, "may have at most " + scale + " decimal places, got " + decimal.toPlainString());
        }
        return Optional.of(decimal);
    }

    /** A required value out of {@code allowed}. */
    public String oneOf(String name, Set<String> allowed) {
        return optionalOneOf(name, allowed).orElseThrow(() -> reject(name, "is required (one of "
                + String.join(", ", allowed.stream().sorted().toList()) + ")"));
    }

    public Optional<String> optionalOneOf(String name, Set<String> allowed) {
        Optional<String> value = optionalText(name);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw reject(name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()) + ", got '"
                    + value.get() + "'");
        }
        return value;
    }

    /** An optional list of non-blank texts (at most {@code max}); empty when absent. */
    public List<String> texts(String name, int max) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Collection<?> list)) {
            throw reject(name, "must be a list");
        }
        if (list.size() > max) {
            throw reject(name, "may hold at most " + max + " values, got " + list.size());
        }
        List<String> texts = new ArrayList<>();
        for (Object item : list) {
            String text = item == null ? "" : item.toString().strip();
            if (text.isEmpty() || text.length() > MAX_TEXT) {
                throw reject(name, "must hold non-blank values of at most " + MAX_TEXT + " characters");
            }
            texts.add(text);
        }
        return List.copyOf(texts);
    }

    /** An optional text that must match {@code pattern}, described as {@code what} in the reason. */
    public Optional<String> optionalMatching(String name, java.util.regex.Pattern pattern, String what) {
        Optional<String> value = optionalText(name);
        if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
            throw reject(name, "must be " + what + ", got '" + value.get() + "'");
        }
        return value;
    }

    /** An optional boolean ({@code true} / {@code false}). */
    public Optional<Boolean> optionalBoolean(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Boolean flag)) {
            throw reject(name, "must be true or false");
        }
        return Optional.of(flag);
    }

    /** Rejects unknown parameter names, so a typo is not silently ignored. */
    public void onlyKnown(Set<String> known) {
        List<String> unknown = values.keySet().stream().filter(k -> !known.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new CommandRejectedException("unknown parameter(s) " + String.join(", ", unknown) + "; expected "
                    + String.join(", ", known.stream().sorted().toList()));
        }
    }

    private static CommandRejectedException reject(String name, String problem) {
        return new CommandRejectedException("parameter '" + name + "' " + problem);
    }
}
