package io.adpulse.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders {@code docs/TOPICS.md}, the page other teams read to consume Adpulse's topics: for every topic its key,
 * ordering and meaning, and for every event type on it the fields of its JSON Schema. The field tables come from the
 * schemas in {@code events/src/main/resources/.../schemas}, so the page cannot drift from what producers validate
 * against; {@link TopicsPageTest} fails when the committed page differs from this rendering.
 */
final class TopicsPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a consumer must know about each topic beyond its events' fields. */
    private static final Map<String, String> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put(Topics.CONNECTIONS, """
                **Compacted.** Key: connection id. The latest record of a key is the connection's state: a grant \
                (`ConnectionGranted`, also after every token refresh, with the new `accessTokenExpiresAt`) or a \
                revocation (`ConnectionRevoked`, with the reason: disconnected by an operator, `NEEDS_REAUTH:<code>`, \
                removed at TikTok). A **tombstone** (null value) means the connection and its tokens are gone; stop \
                using it. Tokens never travel here in the clear: `accessToken` is sealed (`keyId`, `ciphertext`) with \
                the transit key ring that only ingest-service holds.""");
        TOPICS.put(Topics.CONNECTION_ATTEMPTS, """
                Key: the operator who started the attempt (`unknown` when the callback could not be tied to one). \
                One record per OAuth callback of either flow, connected or refused, with the reason the operator \
                saw; never a code, state or token.""");
        TOPICS.put(Topics.ENTITIES, """
                **Compacted.** Key: `advertiserId|LEVEL|entityId` (`EntityObserved.stateKey()`), so compaction keeps \
                the latest snapshot of every advertiser, campaign, ad group and ad. A snapshot is published when an \
                entity is first seen and whenever a field changes (budget, status, name, schedule...), so a change \
                event is the difference between two consecutive snapshots of a key. Deleted entities keep coming \
                with `deleted: true` (their history stays valid); a **tombstone** means Adpulse forgot the entity \
                (its connection's data was erased).""");
        TOPICS.put(Topics.METRICS, """
                Key: advertiser id, so one advertiser's observations are in order. Each record carries the latest \
                values TikTok reports for one entity and time bucket; its natural key is \
                `advertiserId|LEVEL|entityId|GRANULARITY|statDate|statHour` (`MetricObserved.naturalKey()`). \
                **Restatements:** TikTok revises recent days as late conversions are attributed; every poll re-reads \
                the attribution lookback (7 days by default) and publishes a new record for a natural key only when \
                a value changed. Consumers **upsert by natural key** (last write wins in partition order); summing \
                records double counts. A redelivered record has the same CloudEvents `id`. Values are decimal \
                strings in the account's `currency`; dates are the advertiser's local dates in `timeZone`. A metric \
                that was requested but not returned is listed in `missing`, never sent as zero.""");
        TOPICS.put(Topics.ORGANIC, """
                Key: creator connection id. One record per organic video whose counts changed since the last poll \
                (Display API v2): the latest totals, not increments.""");
        TOPICS.put(Topics.WEBHOOKS, """
                Key: the TikTok user the webhook concerns (`user_openid`), so one user's notifications stay in order. \
                Each TikTok webhook that passed signature verification is published exactly once, however often \
                TikTok retried it.""");
        TOPICS.put(Topics.API_ERRORS, """
                Key: connection id. One record per TikTok API call that finally failed (after retries), per \
                connection the call was made for. `rejectedBy` says when ingest-service declined the call itself \
                (open circuit breaker, no rate-limit permit) rather than TikTok failing it. Messages never contain \
                a token.""");
        TOPICS.put(Topics.ALERTS, """
                Key: alert fingerprint, so every state change of one alert is in order. `AlertFired` when an alert \
                starts firing, `AlertResolved` when its condition clears (or it stops applying); the same \
                condition never fires twice while it holds, whatever redeliveries or restatements happen.""");
        TOPICS.put(Topics.AUDIT_ACCESS, """
                Key: actor. Every request the gateway answered, allowed or denied, with route, decision and \
                reason; never credentials, cookies or tokens.""");
        TOPICS.put(Topics.REPORTS, """
                Key: client id. One record per weekly client report generated (on schedule or on demand), with \
                its id, period and formats; the report itself is downloaded through reporting-service's reports API.""");
        TOPICS.put(Topics.PRIVACY_REQUESTS, """
                Key: the subject of the request (connection or advertiser id). An erasure request every service \
                acts on.""");
        TOPICS.put(Topics.PRIVACY_COMPLETIONS, """
                Key: the subject of the request. Each service confirms it erased the subject's data; the request \
                is complete when every service confirmed.""");
        TOPICS.put(Topics.AUDIT_CHECKPOINTS, """
                Key: `audit-chain`. Every `adpulse.audit.checkpoint.interval` (default 1 hour) in which the audit \
                chain grew, audit-service stores a checkpoint of its head and publishes it here, at least once \
                (deduplicate on `sequence`). Copy them somewhere Adpulse cannot write (anchoring): `GET \
                /api/audit/verify` checks the chain against the stored checkpoints, and an anchored copy proves the \
                stored ones were not rewritten. Kept forever.""");
        TOPICS.put(Topics.COMMANDS, """
                Key: connection id, so one account's writes run in the order the gateway accepted them. A write to \
                TikTok (budget or status change, create, publish...) an operator asked for; ingest-service executes \
                it at most once per `commandId` and answers on `tiktok.command-results.v1`.""");
        TOPICS.put(Topics.COMMAND_RESULTS, """
                Key: connection id. The outcome of every command (a redelivered command re-publishes its recorded \
                result under the same event id), with the exact TikTok request (never the token) and the entity \
                before and after the write.""");
    }

    private TopicsPage() {
    }

    static String render() {
        StringBuilder page = new StringBuilder();
        page.append("""
                # Adpulse topics

                <!-- Generated from events/src/main/resources/io/adpulse/events/schemas by TopicsPage (events tests).
                     Regenerate: ./mvnw -pl events test -Dtest=TopicsPageTest -Dadpulse.write-topics-page=true -->

                Every fact Adpulse learns or decides is published on Kafka for your own systems. This page is for the
                teams that consume those topics.

                **Envelope.** Every record value is a [CloudEvents 1.0](https://cloudevents.io) event in structured
                JSON mode (`content-type: application/cloudevents+json`): `id`, `source` (the producing service),
                `type` (below), `subject`, `time`, `dataschema` (the JSON Schema of `data`) and `data`. Event ids are
                derived from the fact they carry, so a redelivered record keeps its id: deduplicate on it.

                **Compatibility.** A topic name ends in its major version. Within a version, fields are only added
                (consumers must ignore fields they do not know); a breaking change gets a new topic and a new event
                `type`, published side by side for a migration period.

                **Dead letters.** A consumer that cannot process a record (malformed, failing schema validation)
                publishes it unchanged to `<topic>.dlt` with the header `adpulse-dlt-reason` and moves on; nothing
                that was accepted is lost.

                **Security.** No record carries a token, client secret, OAuth code or password in the clear.

                | topic | events | compacted |
                |---|---|---|
                """);
        for (String topic : Topics.ALL) {
            List<String> types = new ArrayList<>();
            for (EventType type : EventType.values()) {
                if (type.topic().equals(topic)) {
                    types.add("`" + type.type() + "`");
                }
            }
            page.append("| [`").append(topic).append("`](#").append(anchor(topic)).append(") | ")
                    .append(String.join(", ", types)).append(" | ")
                    .append(Topics.COMPACTED.contains(topic) ? "yes" : "no").append(" |\n");
        }
        for (String topic : Topics.ALL) {
            page.append("\n## ").append(topic).append("\n\n").append(TOPICS.get(topic)).append("\n");
            for (EventType type : EventType.values()) {
                if (type.topic().equals(topic)) {
                    event(page, type);
                }
            }
        }
        return page.toString();
    }

    private static void event(StringBuilder page, EventType type) {
        JsonNode schema = schema(type);
        String file = "events/src/main/resources/io/adpulse/events/schemas/" + type.type() + ".json";
        page.append("\n### ").append(type.type()).append("\n\n")
                .append("`").append(schema.path("title").asString()).append("`");
        if (schema.has("description")) {
            page.append(": ").append(schema.get("description").asString());
        }
        page.append(" Schema: [").append(type.type()).append(".json](../").append(file).append(").\n\n")
                .append("| field | type | required | notes |\n|---|---|---|---|\n");
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        for (Map.Entry<String, JsonNode> field : schema.path("properties").properties()) {
            page.append("| `").append(field.getKey()).append("` | ").append(type(field.getValue())).append(" | ")
                    .append(required.contains(field.getKey()) ? "yes" : "no").append(" | ")
                    .append(notes(field.getValue())).append(" |\n");
        }
    }

    static JsonNode schema(EventType type) {
        String resource = "/io/adpulse/events/schemas/" + type.type() + ".json";
        try (InputStream in = TopicsPage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(JsonNode property) {
        if (property.has("enum")) {
            List<String> values = new ArrayList<>();
            property.get("enum").forEach(v -> values.add(v.isNull() ? "null" : "`" + v.asString() + "`"));
            return "one of " + String.join(", ", values);
        }
        JsonNode type = property.path("type");
        String base;
        if (type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> types.add(t.asString()));
            base = String.join(" or ", types);
        } else {
            base = type.asString("any");
        }
        if (property.has("format")) {
            base += " (" + property.get("format").asString() + ")";
        }
        if (property.has("items")) {
            base += " of " + type(property.get("items"));
        }
        if (property.path("additionalProperties").isObject()) {
            base += " of name → " + type(property.get("additionalProperties"));
        }
        if (property.has("properties")) {
            base += " {" + String.join(", ", names(property.get("properties"))) + "}";
        }
        return base;
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : properties.properties()) {
            names.add("`" + field.getKey() + "`");
        }
        return names;
    }

    private static String notes(JsonNode property) {
        List<String> notes = new ArrayList<>();
        if (property.has("description")) {
            notes.add(property.get("description").asString());
        }
        if (property.has("pattern")) {
            notes.add("pattern `" + property.get("pattern").asString().replace("|", "\\|") + "`");
        }
        JsonNode values = property.path("additionalProperties");
        if (values.has("pattern")) {
            notes.add("values match `" + values.get("pattern").asString().replace("|", "\\|") + "`");
        }
        if (property.has("minimum") || property.has("maximum")) {
            notes.add(property.path("minimum").asString("") + "–" + property.path("maximum").asString(""));
        }
        return String.join("; ", notes);
    }

    private static String anchor(String topic) {
        return topic.replace(".", "");
    }
}
