package io.adpulse.auth.connection;

import io.adpulse.auth.config.AuthProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * When a creator access token is refreshed: {@code lead} of its lifetime before it expires, plus a
 * random part of up to {@code jitter} of the lifetime, so tokens granted together spread out.
 * Lifetimes come from TikTok's {@code expires_in}, never from a constant.
 */
@Component
class RefreshPolicy {

    private final AuthProperties.Refresh settings;

    RefreshPolicy(AuthProperties properties) {
        this.settings = properties.refresh();
    }

    /** When to refresh a token issued at {@code issuedAt} that lives {@code lifetime}. */
    Instant dueAt(Instant issuedAt, Duration lifetime) {
        double fraction = settings.lead() + ThreadLocalRandom.current().nextDouble() * settings.jitter();
        long aheadMillis = Math.round(lifetime.toMillis() * Math.min(fraction, 0.95));
        return issuedAt.plus(lifetime).minusMillis(aheadMillis);
    }

    Duration lease() {
        return settings.lease();
    }

    Duration retryDelay() {
        return settings.retryDelay();
    }
}
