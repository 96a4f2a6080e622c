package io.adpulse.alerting.health.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.alerting.alert.domain.AlertCandidate;
import io.adpulse.alerting.alert.domain.Evaluation;
import io.adpulse.alerting.alert.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T17:00:00Z");
    private static final String ENDPOINT = "/open_api/v1.3/report/integrated/get/";

    private final ApiErrorRateRule apiErrors = new ApiErrorRateRule(ApiErrorRateRule.Settings.defaults());
    private final SyncStaleRule syncStale = new SyncStaleRule(SyncStaleRule.Settings.defaults());
    private final NeedsReauthRule needsReauth = new NeedsReauthRule();
    private final TokenExpiringRule tokenExpiring = new TokenExpiringRule(Duration.ofHours(2));

    @Test
    void fiveErrorsOfOneEndpointInTenMinutesFireAndFewerResolve() {
        AlertCandidate alert = apiErrors.evaluate(errors(5), active(null), NOW).active().get(0);
        Evaluation calm = apiErrors.evaluate(errors(4), active(null), NOW);

        assertThat(alert.rule()).isEqualTo("api-error-rate");
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("connection_id", "conn-1",
                "advertiser_id", "7002", "endpoint", ENDPOINT, "code", "50002"));
        assertThat(alert.summary()).isEqualTo("5 TikTok API calls to " + ENDPOINT + " through connection conn-1 "
                + "(advertiser 7002) failed in the last 10 min (latest: HTTP 500, TikTok code 50002 at "
                + "2026-11-20T16:59:00Z; threshold 5)");
        assertThat(calm.active()).isEmpty();
        assertThat(calm.resolution().apply(Map.of())).isEqualTo("API errors calmed down: 4 TikTok API calls to "
                + ENDPOINT + " through connection conn-1 (advertiser 7002) failed in the last 10 min");
        assertThat(apiErrors.evaluate(errors(9), null, NOW).active().get(0).fingerprint())
                .isEqualTo(alert.fingerprint());
    }

    @Test
    void errorsOfADisconnectedConnectionAreNotJudgedButThoseOfOneThatNeedsReauthAre() {
        ConnectionState disconnected = new ConnectionState("conn-1", "7002", ConnectionStatus.REVOKED, "DISCONNECTED",
                NOW.minusSeconds(86_400), NOW.minusSeconds(600), null, null);

        assertThat(apiErrors.evaluate(errors(50), disconnected, NOW).active()).isEmpty();
        assertThat(apiErrors.evaluate(errors(50), needsReauth(), NOW).active()).hasSize(1);
    }

    @Test
    void aConnectionWithoutMetricsForFifteenPollsIsStaleUntilAMetricArrives() {
        ConnectionState quiet = new ConnectionState("conn-1", "7002", ConnectionStatus.ACTIVE, null,
                NOW.minusSeconds(86_400), null, null, NOW.minus(Duration.ofMinutes(16)));
        ConnectionState justInTime = new ConnectionState("conn-1", "7002", ConnectionStatus.ACTIVE, null,
                NOW.minusSeconds(86_400), null, null, NOW.minus(Duration.ofMinutes(15)));
        ConnectionState neverSynced = new ConnectionState("conn-1", "7002", ConnectionStatus.ACTIVE, null,
                NOW.minus(Duration.ofMinutes(20)), null, null, null);

        AlertCandidate alert = syncStale.evaluate(quiet, NOW).active().get(0);
        assertThat(alert.rule()).isEqualTo("sync-stale");
        assertThat(alert.labels()).containsEntry("connection_id", "conn-1").containsEntry("advertiser_id", "7002")
                .containsEntry("since", "2026-11-20T16:44:00Z");
        assertThat(alert.summary()).isEqualTo("No metric observation has arrived for the connection conn-1 (advertiser "
                + "7002) since 2026-11-20T16:44:00Z (16 min, more than 15 poll intervals of 60 s)");
        assertThat(syncStale.evaluate(justInTime, NOW).active()).isEmpty();
        assertThat(syncStale.evaluate(neverSynced, NOW).active().get(0).summary()).contains("since it was granted at");
        ConnectionState revokedLongAgo = new ConnectionState("conn-1", "7002", ConnectionStatus.REVOKED,
                "NEEDS_REAUTH:40105", NOW.minusSeconds(86_400), NOW.minusSeconds(3600), null, NOW.minusSeconds(3600));
        ConnectionState disconnected = new ConnectionState("conn-1", "7002", ConnectionStatus.REVOKED, "DISCONNECTED",
                NOW.minusSeconds(86_400), NOW.minusSeconds(3600), null, NOW.minusSeconds(3600));
        assertThat(syncStale.evaluate(revokedLongAgo, NOW).active()).hasSize(1);
        assertThat(syncStale.evaluate(disconnected, NOW).active()).isEmpty();
    }

    @Test
    void aNeedsReauthRevocationFiresACriticalAlertThatANewerGrantResolves() {
        AlertCandidate alert = needsReauth.evaluate(needsReauth(), NOW).active().get(0);
        Evaluation regranted = needsReauth.evaluate(active(null), NOW);

        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("connection_id", "conn-1",
                "advertiser_id", "7002", "reason", "NEEDS_REAUTH:40105"));
        assertThat(alert.summary()).isEqualTo("The connection conn-1 (advertiser 7002) needs to be authorised again: "
                + "TikTok refused its token (NEEDS_REAUTH:40105) at 2026-11-20T16:50:00Z; nothing syncs until someone "
                + "reconnects it");
        assertThat(regranted.active()).isEmpty();
        assertThat(regranted.resolution().apply(Map.of())).isEqualTo("The connection conn-1 (advertiser 7002) was "
                + "authorised again at 2026-11-19T17:00:00Z");
        ConnectionState operatorRevoked = new ConnectionState("conn-1", "7002", ConnectionStatus.REVOKED,
                "DISCONNECTED", NOW, NOW, null, null);
        assertThat(needsReauth.evaluate(operatorRevoked, NOW).active()).isEmpty();
    }

    @Test
    void aTokenExpiringWithinTheWindowFiresUntilANewerGrantExtendsIt() {
        AlertCandidate alert = tokenExpiring.evaluate(active(NOW.plus(Duration.ofMinutes(90))), NOW).active().get(0);

        assertThat(alert.rule()).isEqualTo("token-expiring");
        assertThat(alert.labels()).containsEntry("expires_at", "2026-11-20T18:30:00Z");
        assertThat(alert.summary()).isEqualTo("The access token of the connection conn-1 (advertiser 7002) expires at "
                + "2026-11-20T18:30:00Z, in 90 min, and no newer grant has arrived");
        assertThat(tokenExpiring.evaluate(active(NOW.minusSeconds(60)), NOW).active().get(0).summary())
                .contains("expired at 2026-11-20T16:59:00Z");
        assertThat(tokenExpiring.evaluate(active(NOW.plus(Duration.ofHours(3))), NOW).active()).isEmpty();
        assertThat(tokenExpiring.evaluate(active(null), NOW).active()).isEmpty();
        assertThat(tokenExpiring.evaluate(needsReauth(), NOW).active()).isEmpty();
    }

    private static ApiErrorWindow errors(long count) {
        return new ApiErrorWindow("conn-1", ENDPOINT, count, 50002, 500, NOW.minusSeconds(60), "7002");
    }

    private static ConnectionState active(Instant expiresAt) {
        return new ConnectionState("conn-1", "7002", ConnectionStatus.ACTIVE, null, NOW.minusSeconds(86_400), null,
                expiresAt, NOW.minusSeconds(60));
    }

    private static ConnectionState needsReauth() {
        return new ConnectionState("conn-1", "7002", ConnectionStatus.REVOKED, "NEEDS_REAUTH:40105",
                NOW.minusSeconds(86_400), NOW.minusSeconds(600), null, NOW.minusSeconds(900));
    }
}
