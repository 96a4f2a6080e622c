package io.adpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A CLIENT user ({@code X-Adpulse-Roles: CLIENT}, its advertisers in {@code X-Adpulse-Advertisers}) sees the sync
 * progress of its own advertisers' connections only: another client's connection is a 404 exactly like an unknown id,
 * lists leave it out, without its advertisers it sees none, and it may not start a sync.
 */
class ClientScopeTest extends IngestServiceTestBase {

    @Test
    void seesOnlyTheSyncProgressOfItsOwnAdvertisers() {
        String mine = grant(withOneCampaign(kiritimatiAdvertiser(uniqueToken())));
        String theirs = grant(withOneCampaign(kiritimatiAdvertiser(uniqueToken())));
        String myAdvertiser = mine.substring("conn-".length());
        eventually().untilAsserted(() -> {
            assertThat(get("/api/ingest/connections/" + mine, "ADMIN", null).returnResult(String.class).getStatus().value())
                    .isEqualTo(200);
            assertThat(get("/api/ingest/connections/" + theirs, "ADMIN", null).returnResult(String.class).getStatus()
                    .value()).isEqualTo(200);
        });

        get("/api/ingest/connections/" + mine, "CLIENT", myAdvertiser + ",elsewhere").expectStatus().isOk()
                .expectBody().jsonPath("$.advertiserId").isEqualTo(myAdvertiser);
        get("/api/ingest/connections/" + theirs, "CLIENT", myAdvertiser).expectStatus().isNotFound();
        get("/api/ingest/connections", "CLIENT", myAdvertiser).expectStatus().isOk().expectBody()
                .jsonPath("$[*].id").isEqualTo(List.of(mine));
        get("/api/ingest/connections", "ADMIN", null).expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains(mine, theirs));

        get("/api/ingest/connections", "CLIENT", null).expectStatus().isOk().expectBody().json("[]");
        get("/api/ingest/connections/" + mine, "CLIENT", "").expectStatus().isNotFound();

        web.post().uri("/api/ingest/connections/{id}/sync", mine).header("X-Adpulse-Roles", "CLIENT")
                .header("X-Adpulse-Advertisers", myAdvertiser).exchange().expectStatus().isForbidden();
    }

    private WebTestClient.ResponseSpec get(String uri, String roles, String advertisers) {
        return web.get().uri(uri).headers(h -> {
            h.set("X-Adpulse-Roles", roles);
            if (advertisers != null) {
                h.set("X-Adpulse-Advertisers", advertisers);
            }
        }).exchange();
    }
}
