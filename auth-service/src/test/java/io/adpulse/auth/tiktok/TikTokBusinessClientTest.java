package io.adpulse.auth.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.auth.config.AuthProperties;
import io.adpulse.auth.support.FakeTikTok;
import io.adpulse.auth.support.FakeTikTok.Advertiser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class TikTokBusinessClientTest {

    private static final FakeTikTok TIKTOK = FakeTikTok.shared();

    private final TikTokBusinessClient client = client(TIKTOK.apiBaseUrl(), FakeTikTok.APP_SECRET);

    @Test
    void redeemsAnAuthCodeForATokenKeepingLargeAdvertiserIdsExact() {
        String code = uniqueCode();
        TIKTOK.willGrant(code, "act.redeem-1", new Advertiser("7002238017842757633", "Northwind Outdoor US"));

        StepVerifier.create(client.exchangeAuthCode(code))
                .assertNext(grant -> {
                    assertThat(grant.accessToken()).isEqualTo("act.redeem-1");
                    assertThat(grant.advertiserIds()).containsExactly("7002238017842757633");
                    assertThat(grant.scopes()).containsExactly("1", "2", "4");
                    assertThat(grant.toString()).doesNotContain("act.redeem-1");
                })
                .verifyComplete();
    }

    @Test
    void listsTheAdvertisersOfAToken() {
        String code = uniqueCode();
        TIKTOK.willGrant(code, "act.list-1", new Advertiser("7002238017842757633", "Northwind Outdoor US"),
                new Advertiser("7002238017842757634", "Northwind Outdoor CA"));

        StepVerifier.create(client.exchangeAuthCode(code)
                        .flatMap(grant -> client.authorizedAdvertisers(grant.accessToken())))
                .assertNext(advertisers -> assertThat(advertisers).containsExactly(
                        new AuthorizedAdvertiser("7002238017842757633", "Northwind Outdoor US"),
                        new AuthorizedAdvertiser("7002238017842757634", "Northwind Outdoor CA")))
                .verifyComplete();
    }

    @Test
    void reportsAnInvalidAuthCodeAsARejectionWithTikToksCode() {
        StepVerifier.create(client.exchangeAuthCode(uniqueCode()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(TikTokRejectedException.class);
                    assertThat(((TikTokRejectedException) e).code()).isEqualTo(40110);
                    assertThat(e).hasMessageContaining("/oauth2/access_token/");
                })
                .verify();
    }

    @Test
    void reportsWrongAppCredentialsWithoutEchoingTheSecret() {
        TikTokBusinessClient misconfigured = client(TIKTOK.apiBaseUrl(), "wrong-secret-value");

        StepVerifier.create(misconfigured.authorizedAdvertisers("act.any"))
                .expectErrorSatisfies(e -> {
                    assertThat(((TikTokRejectedException) e).code()).isEqualTo(40101);
                    assertThat(e.getMessage()).doesNotContain("wrong-secret-value").doesNotContain("act.any");
                })
                .verify();
    }

    @Test
    void treatsHttpErrorsAsTikTokUnavailable() {
        String code = uniqueCode();
        TIKTOK.willBreak(code);

        StepVerifier.create(client.exchangeAuthCode(code))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TikTokUnavailableException.class)
                        .hasMessageContaining("HTTP 500"))
                .verify();
    }

    @Test
    void treatsThrottlingCodesAsUnavailableAndSafeToRepeat() {
        String code = uniqueCode();
        TIKTOK.willRefuse(code, 40100, "Too many requests.");

        StepVerifier.create(client.exchangeAuthCode(code))
                .expectErrorSatisfies(e -> assertThat(((TikTokUnavailableException) e).safeToRepeat()).isTrue())
                .verify();
    }

    @Test
    void reportsAnUnreachableTikTokWithoutTheRequestUri() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TikTokBusinessClient unreachable = client("http://localhost:" + closedPort + "/open_api/v1.3",
                FakeTikTok.APP_SECRET);

        StepVerifier.create(unreachable.authorizedAdvertisers("act.hidden-token"))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(TikTokUnavailableException.class)
                            .hasMessageContaining("connection failed");
                    assertThat(e.getMessage()).doesNotContain(FakeTikTok.APP_SECRET).doesNotContain("act.hidden-token")
                            .doesNotContain(String.valueOf(closedPort));
                })
                .verify();
    }

    @Test
    void revokesAToken() {
        String code = uniqueCode();
        TIKTOK.willGrant(code, "act.revoke-1", new Advertiser("7002238017842757699", "Revoked Co"));

        StepVerifier.create(client.exchangeAuthCode(code).flatMap(grant -> client.revokeToken(grant.accessToken())))
                .verifyComplete();
        assertThat(TIKTOK.wasRevoked("act.revoke-1")).isTrue();
    }

    static TikTokBusinessClient client(String baseUrl, String secret) {
        var tiktok = new AuthProperties.TikTok(URI.create(baseUrl), URI.create("http://localhost/portal/auth"),
                FakeTikTok.APP_ID, secret, Duration.ofSeconds(2), Duration.ofSeconds(5), 1,
                URI.create("http://localhost/v2/auth/authorize/"), URI.create(baseUrl), FakeTikTok.APP_ID, secret,
                List.of("user.info.basic"));
        return new TikTokBusinessClient(new AuthProperties(URI.create("http://localhost:8080"), Duration.ofMinutes(10),
                "unused", "unused", Set.of(40105), tiktok, new AuthProperties.Outbox(Duration.ofSeconds(1), 10),
                new AuthProperties.Refresh(Duration.ofSeconds(15), 0.25, 0.1, Duration.ofMinutes(1),
                        Duration.ofMinutes(1), 50)));
    }

    private static String uniqueCode() {
        return "code-" + UUID.randomUUID();
    }
}
