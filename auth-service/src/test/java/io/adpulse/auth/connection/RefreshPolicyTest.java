package io.adpulse.auth.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.adpulse.auth.config.AuthProperties;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private final RefreshPolicy policy = new RefreshPolicy(new AuthProperties(URI.create("http://localhost:8080"),
            Duration.ofMinutes(10), "unused", "unused", Set.of(40105),
            new AuthProperties.TikTok(URI.create("http://localhost"), URI.create("http://localhost"), "app", "secret",
                    Duration.ofSeconds(1), Duration.ofSeconds(1), 0, URI.create("http://localhost"),
                    URI.create("http://localhost"), "app", "secret", List.of("user.info.basic")),
            new AuthProperties.Outbox(Duration.ofSeconds(1), 10),
            new AuthProperties.Refresh(Duration.ofSeconds(15), 0.25, 0.1, Duration.ofMinutes(1), Duration.ofMinutes(1),
                    50)));

    @Test
    void refreshIsDueAheadOfExpiryWithinTheLeadAndJitterWindow() {
        Duration lifetime = Duration.ofHours(2);
        Set<Instant> dues = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Instant due = policy.dueAt(T0, lifetime);
            assertThat(due).isBetween(T0.plus(lifetime).minus(Duration.ofMinutes(42)),
                    T0.plus(lifetime).minus(Duration.ofMinutes(30)));
            dues.add(due);
        }
        assertThat(dues).as("jitter spreads refreshes").hasSizeGreaterThan(100);
    }

    @Test
    void evenAVeryShortLivedTokenIsRefreshedBeforeItExpires() {
        Instant due = policy.dueAt(T0, Duration.ofSeconds(10));
        assertThat(due).isAfterOrEqualTo(T0).isBefore(T0.plusSeconds(10));
    }
}
