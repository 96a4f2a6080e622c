package io.adpulse.alerting.editor;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and edits {@code /api/alerting/config} as the gateway would call it (roles and actor headers). Tests that
 * edit put back the settings they found ({@link #restore}), since every test of the module shares the context.
 */
public final class SettingsClient {

    public static final String PATH = "/api/alerting/config";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient web;

    public SettingsClient(WebTestClient web) {
        this.web = web;
    }

    /** The settings in effect, as an admin reads them (secrets masked). */
    public ObjectNode read() {
        String body = web.get().uri(PATH).header("X-Adpulse-Roles", "ADMIN").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return (ObjectNode) JSON.readTree(body);
    }

    /** Sends {@code document} as an edit by {@code actor} with {@code roles}. */
    public WebTestClient.ResponseSpec put(JsonNode document, String roles, String actor) {
        return web.put().uri(PATH).header("X-Adpulse-Roles", roles).header("X-Adpulse-Actor", actor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(document)).exchange();
    }

    /** Stores {@code document} as an admin's edit of the current version; returns the stored document. */
    public ObjectNode store(ObjectNode document) {
        ObjectNode edit = document.deepCopy();
        edit.put("version", read().get("version").asLong());
        String body = put(edit, "ADMIN", "test-admin").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return (ObjectNode) JSON.readTree(body);
    }

    /** Puts back {@code original} (as read, secrets masked) as the newest version. */
    public void restore(ObjectNode original) {
        store(original);
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
