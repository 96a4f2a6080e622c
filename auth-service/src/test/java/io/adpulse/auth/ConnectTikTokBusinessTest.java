package io.adpulse.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.auth.support.FakeTikTok.Advertiser;
import io.adpulse.events.ConnectionAttempted;
import io.adpulse.events.ConnectionGranted;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.EventCodec;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

@ExtendWith(OutputCaptureExtension.class)
class ConnectTikTokBusinessTest extends AuthServiceTestBase {

    @Test
    void startRedirectsTheBrowserToTikToksConsentPage() {
        web.get().uri(START).header(ACTOR, "alice").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isFound()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
                        .startsWith(TIKTOK.authUrl() + "?app_id=sandbox-app&state=")
                        .endsWith("&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fapi%2Fauth%2Foauth%2Ftiktok-business"
                                + "%2Fcallback")
                        .matches(".*state=[A-Za-z0-9_-]{43}&.*"));
    }

    @Test
    void startAnswersTheAuthorizeUrlAsJsonForApiClients() {
        Instant now = clock.instant();

        web.get().uri(START).header(ACTOR, "alice").accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.authorizeUrl").value(String.class, url -> assertThat(url).startsWith(TIKTOK.authUrl()))
                .jsonPath("$.expiresAt").isEqualTo(now.plus(Duration.ofMinutes(10)).toString());
    }

    @Test
    void startRejectsARequestWithoutASignedInUser() {
        web.get().uri(START).accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://adpulse.io/problems/missing-actor")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("X-Adpulse-Actor"));
    }

    @Test
    void callbackConnectsEveryAdvertiserOfTheGrantWithTheTokenEncryptedAndSealed() {
        String us = uniqueAdvertiserId();
        String ca = uniqueAdvertiserId();
        String token = "act." + UUID.randomUUID();
        String code = uniqueCode();
        TIKTOK.willGrant(code, token, new Advertiser(us, "Northwind Outdoor US"), new Advertiser(ca, "Northwind Outdoor CA"));

        String state = startState("alice");
        byte[] body = callback(state, code, "alice", MediaType.APPLICATION_JSON)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.connections.length()").isEqualTo(2)
                .jsonPath("$.connections[0].id").isEqualTo("adv-" + us)
                .jsonPath("$.connections[0].kind").isEqualTo("ADVERTISER")
                .jsonPath("$.connections[0].advertiserId").isEqualTo(us)
                .jsonPath("$.connections[0].displayName").isEqualTo("Northwind Outdoor US")
                .jsonPath("$.connections[0].status").isEqualTo("ACTIVE")
                .jsonPath("$.connections[0].grantedBy").isEqualTo("alice")
                .jsonPath("$.connections[0].keyId").isEqualTo("dev-token-2")
                .jsonPath("$.connections[1].id").isEqualTo("adv-" + ca)
                .returnResult().getResponseBody();

        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain(token);
        assertThat(occurrencesInDatabase(us)).as("the scan sees stored data").isPositive();
        assertThat(occurrencesInDatabase(token)).as("plaintext token in the auth database").isZero();

        ConsumerRecord<String, byte[]> record = awaitRecords(Topics.CONNECTIONS, 1,
                r -> r.key().equals("adv-" + us)).get(0);
        EventEnvelope<ConnectionGranted> granted = CODEC.decode(record.value(), ConnectionGranted.class);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(token);
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo(EventCodec.CONTENT_TYPE);
        assertThat(granted.subject()).isEqualTo("adv-" + us);
        assertThat(granted.source()).isEqualTo("/adpulse/auth-service");
        assertThat(granted.data().kind()).isEqualTo(ConnectionKind.ADVERTISER);
        assertThat(granted.data().advertiserId()).isEqualTo(us);
        assertThat(granted.data().displayName()).isEqualTo("Northwind Outdoor US");
        assertThat(granted.data().grantedBy()).isEqualTo("alice");
        assertThat(granted.data().scopes()).containsExactly("1", "2", "4");
        assertThat(granted.data().accessToken().keyId()).isEqualTo("dev-transit-1");
        assertThat(openTransit(granted.data().accessToken(), "adv-" + us)).isEqualTo(token);
        assertThat(granted.data().accessTokenExpiresAt()).as("API for Business tokens do not expire").isNull();

        ConsumerRecord<String, byte[]> attemptRecord = awaitAttempt("alice",
                a -> a.connectionIds().contains("adv-" + us));
        ConnectionAttempted attempt = CODEC.decode(attemptRecord.value(), ConnectionAttempted.class).data();
        assertThat(attempt.kind()).isEqualTo(ConnectionKind.ADVERTISER);
        assertThat(attempt.outcome()).isEqualTo(ConnectionAttempted.Outcome.CONNECTED);
        assertThat(attempt.operator()).isEqualTo("alice");
        assertThat(attempt.failure()).isNull();
        assertThat(attempt.detail()).isNull();
        assertThat(attempt.connectionIds()).containsExactly("adv-" + us, "adv-" + ca);
        assertThat(new String(attemptRecord.value(), StandardCharsets.UTF_8))
                .doesNotContain(token).doesNotContain(code).doesNotContain(state);
    }

    @Test
    void browsersLandOnAPageNamingTheConnectedAdvertisers() {
        String advertiser = uniqueAdvertiserId();
        String code = uniqueCode();
        TIKTOK.willGrant(code, "act." + UUID.randomUUID(), new Advertiser(advertiser, "<Northwind & Co>"));

        callback(startState("alice"), code, "alice", MediaType.TEXT_HTML)
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("Connected 1 advertiser(s)")
                        .contains("&lt;Northwind &amp; Co&gt;")
                        .contains("<a href=\"/\">"));
    }

    @Test
    void reauthorisingAnAdvertiserReplacesItsTokenAndAnnouncesTheNewGrant() {
        String advertiser = uniqueAdvertiserId();
        String firstToken = "act." + UUID.randomUUID();
        String secondToken = "act." + UUID.randomUUID();

        connect("alice", firstToken, new Advertiser(advertiser, "Northwind"));
        connect("bob", secondToken, new Advertiser(advertiser, "Northwind"));

        List<EventEnvelope<ConnectionGranted>> grants = awaitRecords(Topics.CONNECTIONS, 2,
                r -> r.key().equals("adv-" + advertiser)).stream()
                .map(r -> CODEC.decode(r.value(), ConnectionGranted.class)).toList();
        assertThat(grants).extracting(EventEnvelope::id).doesNotHaveDuplicates();
        assertThat(openTransit(grants.get(1).data().accessToken(), "adv-" + advertiser)).isEqualTo(secondToken);
        assertThat(grants.get(1).data().grantedBy()).isEqualTo("bob");
        web.get().uri("/api/auth/connections/adv-" + advertiser).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.grantedBy").isEqualTo("bob").jsonPath("$.status").isEqualTo("ACTIVE");
    }

    @Test
    void declinedConsentIsAForbiddenProblemThatUsesUpTheState() {
        String advertiser = uniqueAdvertiserId();
        String operator = uniqueOperator();
        String state = startState(operator);
        Instant since = attemptMarker();

        web.get().uri(uri -> uri.path(CALLBACK).queryParam("error", "access_denied")
                        .queryParam("error_description", "The user denied the request").queryParam("state", state).build())
                .header(ACTOR, operator).accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://adpulse.io/problems/consent-denied")
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("access_denied"));
        assertThat(assertRefused(ConnectionKind.ADVERTISER, operator, "consent-denied", since, state).detail())
                .contains("access_denied");

        String code = uniqueCode();
        TIKTOK.willGrant(code, "act." + UUID.randomUUID(), new Advertiser(advertiser, "Northwind"));
        callback(state, code, operator, MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/reused-state");
        assertRefused(ConnectionKind.ADVERTISER, operator, "reused-state", since, state, code);
        assertNothingStoredFor(advertiser);
    }

    @Test
    void aReusedStateIsRejectedAndConnectsNothing() {
        String operator = uniqueOperator();
        String state = startState(operator);
        Instant since = attemptMarker();
        String firstCode = uniqueCode();
        String first = uniqueAdvertiserId();
        TIKTOK.willGrant(firstCode, "act." + UUID.randomUUID(), new Advertiser(first, "First"));
        callback(state, firstCode, operator, MediaType.APPLICATION_JSON).expectStatus().isOk();
        assertThat(CODEC.decode(awaitAttempt(operator, a -> a.outcome() == ConnectionAttempted.Outcome.CONNECTED)
                .value(), ConnectionAttempted.class).data().connectionIds()).containsExactly("adv-" + first);
        String replayed = uniqueAdvertiserId();
        String secondCode = uniqueCode();
        TIKTOK.willGrant(secondCode, "act." + UUID.randomUUID(), new Advertiser(replayed, "Replayed"));

        callback(state, secondCode, operator, MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://adpulse.io/problems/reused-state")
                .jsonPath("$.title").isEqualTo("State already used");
        assertRefused(ConnectionKind.ADVERTISER, operator, "reused-state", since, state, secondCode);
        assertNothingStoredFor(replayed);
        web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .containsPattern("adpulse_auth_callback_failures_total\\{[^}]*reason=\"reused_state\"[^}]*} [1-9]"));
    }

    @Test
    void anExpiredStateIsRejectedAndConnectsNothing() {
        String advertiser = uniqueAdvertiserId();
        String operator = uniqueOperator();
        String state = startState(operator);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        Instant since = attemptMarker();
        String code = uniqueCode();
        TIKTOK.willGrant(code, "act." + UUID.randomUUID(), new Advertiser(advertiser, "Late"));

        callback(state, code, operator, MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/expired-state");
        assertThat(assertRefused(ConnectionKind.ADVERTISER, operator, "expired-state", since, state, code).detail())
                .contains("expired");
        assertNothingStoredFor(advertiser);
    }

    @Test
    void callbacksWithoutAKnownStateAreRejected() {
        Instant since = attemptMarker();
        String forged = "forged-" + UUID.randomUUID();
        String code = uniqueCode();
        callback(forged, code, "alice", MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/unknown-state");
        assertRefused(ConnectionKind.ADVERTISER, null, "unknown-state", since, forged, code);
        String stateless = uniqueCode();
        web.get().uri(uri -> uri.path(CALLBACK).queryParam("code", stateless).build())
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/missing-state");
        assertRefused(ConnectionKind.ADVERTISER, null, "missing-state", since, stateless);
    }

    @Test
    void aCallbackWithoutACodeIsRejectedAndUsesTheStateUp() {
        String operator = uniqueOperator();
        String state = startState(operator);
        Instant since = attemptMarker();

        web.get().uri(uri -> uri.path(CALLBACK).queryParam("state", state).build())
                .header(ACTOR, operator).accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/missing-code");

        assertRefused(ConnectionKind.ADVERTISER, operator, "missing-code", since, state);
    }

    @Test
    void anAuthorisationCoveringNoAdvertiserIsRejectedAndConnectsNothing() {
        String operator = uniqueOperator();
        String state = startState(operator);
        Instant since = attemptMarker();
        String code = uniqueCode();
        String token = "act." + UUID.randomUUID();
        TIKTOK.willGrant(code, token);

        callback(state, code, operator, MediaType.APPLICATION_JSON)
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/no-advertisers");

        assertRefused(ConnectionKind.ADVERTISER, operator, "no-advertisers", since, state, code, token);
        assertThat(occurrencesInDatabase(token)).isZero();
    }

    @Test
    void aCallbackForAnotherUsersAuthorisationIsForbidden() {
        String advertiser = uniqueAdvertiserId();
        String code = uniqueCode();
        TIKTOK.willGrant(code, "act." + UUID.randomUUID(), new Advertiser(advertiser, "Hijacked"));
        String operator = uniqueOperator();
        String state = startState(operator);
        Instant since = attemptMarker();

        callback(state, code, "mallory", MediaType.APPLICATION_JSON)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://adpulse.io/problems/actor-mismatch");
        assertRefused(ConnectionKind.ADVERTISER, operator, "actor-mismatch", since, state, code);
        assertNothingStoredFor(advertiser);
    }

    @Test
    void aCodeTikTokRejectsIsABadRequestNamingTikToksCode() {
        long connectionsBefore = count("connection");
        long eventsBefore = count("outbox where topic = '" + Topics.CONNECTIONS + "'");
        String operator = uniqueOperator();
        String state = startState(operator);
        Instant since = attemptMarker();
        String code = uniqueCode();

        callback(state, code, operator, MediaType.APPLICATION_JSON)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://adpulse.io/problems/tiktok-rejected")
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("40110")
                        .doesNotContain("sandbox-secret"));
        assertThat(count("connection")).isEqualTo(connectionsBefore);
        assertThat(count("outbox where topic = '" + Topics.CONNECTIONS + "'")).isEqualTo(eventsBefore);
        assertThat(assertRefused(ConnectionKind.ADVERTISER, operator, "tiktok-rejected", since, state, code, "sandbox-secret")
                .detail()).contains("40110");
    }

    @Test
    void tiktokFailingIsABadGatewayAndBrowsersGetAPage() {
        String code = uniqueCode();
        TIKTOK.willBreak(code);
        String operator = uniqueOperator();
        String state = startState(operator);
        Instant since = attemptMarker();

        callback(state, code, operator, MediaType.TEXT_HTML)
                .expectStatus().isEqualTo(502)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page).contains("TikTok unavailable")
                        .contains("<a href=\"/\">"));
        assertRefused(ConnectionKind.ADVERTISER, operator, "tiktok-unavailable", since, state, code);
    }

    @Test
    void neitherTokensNorTheAppSecretReachTheLogs(CapturedOutput output) {
        String token = "act." + UUID.randomUUID();
        connect("alice", token, new Advertiser(uniqueAdvertiserId(), "Logged Co"));
        callback(startState("alice"), uniqueCode(), "alice", MediaType.APPLICATION_JSON).expectStatus().isBadRequest();

        assertThat(output.getAll()).contains("TikTok authorisation callback failed")
                .doesNotContain(token)
                .doesNotContain("sandbox-secret");
    }

    private void assertNothingStoredFor(String advertiserId) {
        web.get().uri("/api/auth/connections/adv-" + advertiserId).exchange().expectStatus().isNotFound();
        assertThat(occurrencesInDatabase(advertiserId)).isZero();
    }

    private long count(String table) {
        return db.sql("select count(*) from " + table).map(row -> row.get(0, Long.class)).one().block();
    }
}
