package io.adpulse.sandbox.loginkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.adpulse.sandbox.config.SandboxProperties;

class CreatorAuthorizationsTest {

    private static final String VERIFIER = "a".repeat(43) + "-verifier";
    private static final String REDIRECT = "https://app.example.com/cb";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-18T10:30:00Z"));
    private final CreatorAuthorizations authorizations = new CreatorAuthorizations(clock, new SandboxProperties(
            "app", "secret", 42, 60, 20, null, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMinutes(5), null));

    @Test
    void accessTokensExpireAfterTheConfiguredLifetimeAndRefreshTokensAfterTheirs() {
        CreatorAuthorizations.TokenPair pair = connect();
        assertThat(pair.expiresIn()).isEqualTo(30);
        assertThat(pair.refreshExpiresIn()).isEqualTo(300);

        clock.advance(Duration.ofSeconds(29));
        assertThat(authorizations.grantOf(pair.accessToken())).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(authorizations.grantOf(pair.accessToken())).isEmpty();

        CreatorAuthorizations.TokenPair refreshed = authorizations.refresh("app", pair.refreshToken());
        assertThat(authorizations.grantOf(refreshed.accessToken())).isPresent();

        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> authorizations.refresh("app", refreshed.refreshToken()))
                .isInstanceOf(LoginKitException.class).hasMessageContaining("expired");
    }

    @Test
    void ofTwoConcurrentRefreshesWithTheSameTokenExactlyOneSucceeds() throws Exception {
        for (int round = 0; round < 20; round++) {
            String refresh = connect().refreshToken();
            CountDownLatch go = new CountDownLatch(1);
            Callable<Boolean> attempt = () -> {
                go.await();
                try {
                    authorizations.refresh("app", refresh);
                    return true;
                } catch (LoginKitException e) {
                    return false;
                }
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> results = List.of(pool.submit(attempt), pool.submit(attempt));
                go.countDown();
                assertThat(results.get(0).get() ^ results.get(1).get()).as("exactly one winner").isTrue();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aRefreshTokenOfAnotherClientIsRefused() {
        String refresh = connect().refreshToken();
        assertThatThrownBy(() -> authorizations.refresh("other-app", refresh)).isInstanceOf(LoginKitException.class);
        assertThat(authorizations.refresh("app", refresh).accessToken()).startsWith("act.");
    }

    private CreatorAuthorizations.TokenPair connect() {
        String code = authorizations.issueCode("app", "open-1", "user.info.basic", REDIRECT, Pkce.challengeOf(VERIFIER));
        return authorizations.redeem("app", code, REDIRECT, VERIFIER);
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
