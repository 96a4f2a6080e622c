package io.adpulse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.events.AccessRecorded;
import io.adpulse.events.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/audit/events}: filters, both orders, cursor paging, and 400 problems for bad parameters. */
class AuditEventsApiTest extends AuditServiceTest {

    private static final Instant T1 = Instant.parse("2026-11-23T12:00:00Z");
    private static final String ACTOR = TestEvents.unique("pager");
    private static boolean published;

    private AuditApi api() {
        return new AuditApi(web);
    }

    /** Once per class, after the context (and so the listener) is up: five accesses a minute apart. */
    @BeforeEach
    void publishFiveAccesses() {
        if (published) {
            return;
        }
        published = true;
        for (int i = 0; i < 5; i++) {
            kafka.publish(TestEvents.access(ACTOR, "reporting",
                    i % 2 == 0 ? AccessRecorded.Decision.ALLOWED : AccessRecorded.Decision.DENIED, T1.plusSeconds(60L * i)));
        }
        kafka.awaitConsumed(Topics.AUDIT_ACCESS);
    }

    private static List<String> times(JsonNode page) {
        List<String> times = new ArrayList<>();
        page.get("items").forEach(e -> times.add(e.get("time").asString()));
        return times;
    }

    private static String at(int minute) {
        return T1.plusSeconds(60L * minute).toString();
    }

    @Test
    void pagesNewestFirstWithACursorUntilTheLastPage() {
        JsonNode first = api().page(b -> b.queryParam("actor", ACTOR).queryParam("limit", "2"));
        assertThat(first.get("order").asString()).isEqualTo("desc");
        assertThat(times(first)).containsExactly(at(4), at(3));
        String cursor = first.get("nextCursor").asString();
        assertThat(cursor).isEqualTo(first.get("items").get(1).get("sequence").asString());

        JsonNode second = api().page(b -> b.queryParam("actor", ACTOR).queryParam("limit", "2").queryParam("after", cursor));
        assertThat(times(second)).containsExactly(at(2), at(1));

        JsonNode last = api().page(b -> b.queryParam("actor", ACTOR).queryParam("limit", "2")
                .queryParam("after", second.get("nextCursor").asString()));
        assertThat(times(last)).containsExactly(at(0));
        assertThat(last.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void pagesOldestFirstBySequence() {
        List<JsonNode> entries = api().all(b -> b.queryParam("actor", ACTOR).queryParam("order", "asc").queryParam("limit", "3"));

        assertThat(entries).extracting(e -> e.get("time").asString()).containsExactly(at(0), at(1), at(2), at(3), at(4));
        assertThat(entries).extracting(e -> e.get("sequence").asLong()).isSorted();
        assertThat(entries).extracting(e -> e.get("decision").asString())
                .containsExactly("ALLOWED", "DENIED", "ALLOWED", "DENIED", "ALLOWED");
        assertThat(entries).allSatisfy(e -> assertThat(e.get("route").asString()).isEqualTo("reporting"));
    }

    @Test
    void filtersByTimeWindowTypeAndValidity() {
        JsonNode window = api().page(b -> b.queryParam("actor", ACTOR).queryParam("from", at(1)).queryParam("to", at(3)));
        assertThat(times(window)).containsExactly(at(2), at(1));

        assertThat(api().page(b -> b.queryParam("actor", ACTOR).queryParam("type", "adpulse.access.recorded.v1"))
                .get("items").size()).isEqualTo(5);
        assertThat(api().page(b -> b.queryParam("actor", ACTOR).queryParam("type", "adpulse.alerts.fired.v1"))
                .get("items").size()).isZero();
        assertThat(api().page(b -> b.queryParam("actor", ACTOR).queryParam("valid", "false"))
                .get("items").size()).isZero();
        assertThat(api().page(b -> b.queryParam("actor", ACTOR).queryParam("topic", Topics.ALERTS))
                .get("items").size()).isZero();
    }

    @Test
    void badParametersAreBadRequestProblemsThatSayWhy() {
        expectBadRequest("/api/audit/events?limit=0", "'limit' must be from 1 to 500, got 0");
        expectBadRequest("/api/audit/events?limit=lots", "'limit' must be a whole number from 1 to 500, got 'lots'");
        expectBadRequest("/api/audit/events?from=yesterday",
                "'from' must be an ISO-8601 instant with an offset, such as 2026-11-20T09:30:00Z, got 'yesterday'");
        expectBadRequest("/api/audit/events?from=2026-11-23T12:00:00Z&to=2026-11-23T11:00:00Z",
                "'to' (2026-11-23T11:00:00Z) must be after 'from' (2026-11-23T12:00:00Z)");
        expectBadRequest("/api/audit/events?after=x1", "'after' must be the nextCursor of a previous page (a sequence "
                + "number, 0 or more), got 'x1'");
        expectBadRequest("/api/audit/events?order=random", "'order' must be asc or desc, got 'random'");
        expectBadRequest("/api/audit/events?actr=admin", "unknown parameter 'actr'; known parameters are actor, after, "
                + "from, limit, order, subject, to, topic, type, valid");
    }

    private void expectBadRequest(String uri, String detail) {
        web.get().uri(uri)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.detail").isEqualTo(detail);
    }
}
