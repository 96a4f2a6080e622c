package io.adpulse.audit.query;

import io.adpulse.audit.config.AuditProperties;
import io.adpulse.audit.web.InvalidRequestException;
import io.adpulse.events.Topics;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A checked request for audit entries. Every filter is optional and they combine with AND: {@code type}
 * (CloudEvents type, e.g. {@code adpulse.access.recorded.v1}), {@code subject}, {@code actor},
 * {@code topic} (one of {@link Topics#ALL}), {@code valid} ({@code true}/{@code false}), {@code from}
 * (inclusive) and {@code to} (exclusive), ISO-8601 instants compared with the event's time (the time it was
 * recorded when the record had none). {@code order} is {@code desc} (newest first, the default) or
 * {@code asc}; {@code limit} is the page size; {@code after} is the cursor from the previous page: the
 * listing continues past that sequence in the chosen order.
 *
 * <p>A blank value counts as not given. Unknown or repeated parameters and bad values are a 400 naming the
 * problem, so a misspelt filter never silently widens the result.
 */
record EventQuery(String type, String subject, String actor, String topic, Boolean valid, Instant from,
        Instant to, Order order, int limit, Long after) {

    enum Order { ASC, DESC }

    static final Set<String> PARAMETERS = Set.of("type", "subject", "actor", "topic", "valid", "from", "to",
            "order", "limit", "after");

    private static final int MAX_TEXT = 256;
    private static final int MAX_ECHO = 40;

    static EventQuery parse(Map<String, List<String>> parameters, AuditProperties.Query limits) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                throw new InvalidRequestException("unknown parameter '" + echo(parameter.getKey())
                        + "'; known parameters are " + String.join(", ", new TreeSet<>(PARAMETERS)));
            }
            if (parameter.getValue().size() > 1) {
                throw new InvalidRequestException("'" + parameter.getKey() + "' may be given only once");
            }
        }
        Params p = new Params(parameters);
        String topic = p.text("topic");
        if (topic != null && !Topics.ALL.contains(topic)) {
            throw new InvalidRequestException("'topic' must be one of " + String.join(", ", Topics.ALL) + ", got '"
                    + echo(topic) + "'");
        }
        Instant from = p.instant("from");
        Instant to = p.instant("to");
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidRequestException("'to' (" + to + ") must be after 'from' (" + from + ")");
        }
        return new EventQuery(p.text("type"), p.text("subject"), p.text("actor"), topic, p.bool("valid"), from, to,
                p.order(), p.limit(limits), p.cursor());
    }

    private static String echo(String value) {
        return value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "…" : value;
    }

    private record Params(Map<String, List<String>> values) {

        String raw(String name) {
            List<String> given = values.get(name);
            if (given == null || given.isEmpty() || given.get(0) == null || given.get(0).isBlank()) {
                return null;
            }
            return given.get(0).strip();
        }

        String text(String name) {
            String value = raw(name);
            if (value != null && value.length() > MAX_TEXT) {
                throw new InvalidRequestException("'" + name + "' must be at most " + MAX_TEXT + " characters");
            }
            return value;
        }

        Boolean bool(String name) {
            String value = raw(name);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidRequestException("'" + name + "' must be true or false, got '"
                        + echo(value) + "'");
            };
        }

        Instant instant(String name) {
            String value = raw(name);
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException("'" + name + "' must be an ISO-8601 instant with an offset, such as "
                        + "2026-11-20T09:30:00Z, got '" + echo(value) + "'");
            }
        }

        Order order() {
            String value = raw("order");
            if (value == null) {
                return Order.DESC;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "asc" -> Order.ASC;
                case "desc" -> Order.DESC;
                default -> throw new InvalidRequestException("'order' must be asc or desc, got '" + echo(value) + "'");
            };
        }

        int limit(AuditProperties.Query limits) {
            String value = raw("limit");
            if (value == null) {
                return limits.defaultLimit();
            }
            int limit;
            try {
                limit = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("'limit' must be a whole number from 1 to " + limits.maxLimit()
                        + ", got '" + echo(value) + "'");
            }
            if (limit < 1 || limit > limits.maxLimit()) {
                throw new InvalidRequestException("'limit' must be from 1 to " + limits.maxLimit() + ", got " + limit);
            }
            return limit;
        }

        Long cursor() {
            String value = raw("after");
            if (value == null) {
                return null;
            }
            long after;
            try {
                after = Long.parseLong(value);
            } catch (NumberFormatException e) {
                after = -1;
            }
            if (after < 0) {
                throw new InvalidRequestException("'after' must be the nextCursor of a previous page (a sequence "
                        + "number, 0 or more), got '" + echo(value) + "'");
            }
            return after;
        }
    }
}
