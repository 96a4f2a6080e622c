package io.adpulse.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adpulse.audit.config.AuditProperties;
import io.adpulse.audit.web.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventQueryTest {

    private static final AuditProperties.Query LIMITS = new AuditProperties.Query(50, 500);

    private static EventQuery parse(String... nameValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            parameters.computeIfAbsent(nameValues[i], k -> new ArrayList<>()).add(nameValues[i + 1]);
        }
        return EventQuery.parse(parameters, LIMITS);
    }

    private static void rejects(String detail, String... nameValues) {
        assertThatThrownBy(() -> parse(nameValues))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(detail);
    }

    @Test
    void defaultsToTheNewestFirstWithTheDefaultLimitAndNoFilter() {
        EventQuery query = parse();

        assertThat(query).isEqualTo(new EventQuery(null, null, null, null, null, null, null, EventQuery.Order.DESC, 50,
                null));
    }

    @Test
    void readsEveryFilterAndTreatsBlankValuesAsNotGiven() {
        EventQuery query = parse("type", "adpulse.access.recorded.v1", "subject", " ", "actor", "admin", "topic",
                "audit.access.v1", "valid", "FALSE", "from", "2026-11-20T09:00:00+01:00", "to", "2026-11-20T09:00:00Z",
                "order", "asc", "limit", "500", "after", "17");

        assertThat(query).isEqualTo(new EventQuery("adpulse.access.recorded.v1", null, "admin", "audit.access.v1", false,
                Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-20T09:00:00Z"), EventQuery.Order.ASC, 500,
                17L));
    }

    @Test
    void rejectsBadValuesNamingTheParameter() {
        rejects("'limit' must be from 1 to 500, got 0", "limit", "0");
        rejects("'limit' must be from 1 to 500, got 501", "limit", "501");
        rejects("'limit' must be a whole number", "limit", "ten");
        rejects("'from' must be an ISO-8601 instant", "from", "yesterday");
        rejects("'to' (2026-11-20T09:00:00Z) must be after 'from' (2026-11-20T09:00:00Z)", "from", "2026-11-20T09:00:00Z",
                "to", "2026-11-20T09:00:00Z");
        rejects("'after' must be the nextCursor of a previous page", "after", "-3");
        rejects("'after' must be the nextCursor of a previous page", "after", "abc");
        rejects("'order' must be asc or desc", "order", "sideways");
        rejects("'valid' must be true or false", "valid", "maybe");
        rejects("'topic' must be one of", "topic", "orders.v1");
        rejects("'subject' must be at most 256 characters", "subject", "s".repeat(257));
    }

    @Test
    void rejectsUnknownAndRepeatedParametersSoAFilterIsNeverSilentlyDropped() {
        rejects("unknown parameter 'subjekt'", "subjekt", "x");
        rejects("'actor' may be given only once", "actor", "a", "actor", "b");
    }
}
