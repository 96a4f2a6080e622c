package io.adpulse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;

/** Reads the audit API the way a client would, for assertions. */
final class AuditApi {

    private final WebTestClient web;

    AuditApi(WebTestClient web) {
        this.web = web;
    }

    /** One page of {@code GET /api/audit/events}. */
    JsonNode page(Function<UriBuilder, UriBuilder> query) {
        JsonNode page = web.get().uri(b -> query.apply(b.path("/api/audit/events")).build())
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(page).isNotNull();
        return page;
    }

    /** Every entry matching {@code query}, following the cursor page by page. */
    List<JsonNode> all(Function<UriBuilder, UriBuilder> query) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            JsonNode page = page(b -> {
                UriBuilder built = query.apply(b);
                return after == null ? built : built.queryParam("after", after);
            });
            page.get("items").forEach(entries::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return entries;
    }

    JsonNode verify() {
        return get("/api/audit/verify");
    }

    JsonNode head() {
        return get("/api/audit/head");
    }

    private JsonNode get(String path) {
        JsonNode body = web.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(body).isNotNull();
        return body;
    }
}
