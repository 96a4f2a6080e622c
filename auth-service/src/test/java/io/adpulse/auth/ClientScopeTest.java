package io.adpulse.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.auth.support.FakeTikTok.Advertiser;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A CLIENT user ({@code X-Adpulse-Roles: CLIENT}, its advertisers in {@code X-Adpulse-Advertisers}) sees only the
 * connections of its own advertisers: another client's connection, and any creator connection, is a 404 exactly like
 * an unknown id; without its advertisers it sees none; it may neither disconnect nor refresh.
 */
class ClientScopeTest extends AuthServiceTestBase {

    @Test
    void seesOnlyTheConnectionsOfItsOwnAdvertisers() {
        String mine = uniqueAdvertiserId();
        String theirs = uniqueAdvertiserId();
        connect("alice", "token-" + UUID.randomUUID(), new Advertiser(mine, "Mine Co"), new Advertiser(theirs, "Theirs Co"));
        String creator = connectCreator("alice", "open-" + UUID.randomUUID(), "Creator");

        String all = get("/api/auth/connections", "ADMIN", null).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(all).contains("adv-" + mine, "adv-" + theirs, creator);
        get("/api/auth/connections", "CLIENT", mine + ",elsewhere").expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("adv-" + mine).doesNotContain(theirs).doesNotContain(creator));

        get("/api/auth/connections/adv-" + mine, "CLIENT", mine).expectStatus().isOk()
                .expectBody().jsonPath("$.advertiserId").isEqualTo(mine);
        for (String other : List.of("adv-" + theirs, creator)) {
            get("/api/auth/connections/" + other, "ADMIN", null).expectStatus().isOk();
            get("/api/auth/connections/" + other, "CLIENT", mine).expectStatus().isNotFound();
        }
    }

    @Test
    void seesNoConnectionWithoutItsAdvertisers() {
        String mine = uniqueAdvertiserId();
        connect("alice", "token-" + UUID.randomUUID(), new Advertiser(mine, "Mine Co"));
        get("/api/auth/connections", "CLIENT", null).expectStatus().isOk().expectBody().json("[]");
        get("/api/auth/connections/adv-" + mine, "CLIENT", "").expectStatus().isNotFound();
    }

    @Test
    void mayNeitherDisconnectNorRefresh() {
        String mine = uniqueAdvertiserId();
        connect("alice", "token-" + UUID.randomUUID(), new Advertiser(mine, "Mine Co"));
        web.delete().uri("/api/auth/connections/adv-{a}", mine).header("X-Adpulse-Actor", "clara")
                .header("X-Adpulse-Roles", "CLIENT").header("X-Adpulse-Advertisers", mine).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/auth/connections/adv-{a}/refresh", mine).header("X-Adpulse-Roles", "CLIENT")
                .header("X-Adpulse-Advertisers", mine).exchange()
                .expectStatus().isForbidden();
        get("/api/auth/connections/adv-" + mine, "ADMIN", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
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
