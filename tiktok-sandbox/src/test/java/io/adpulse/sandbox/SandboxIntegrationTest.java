package io.adpulse.sandbox;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context the integration tests share (so it is built once): seed 42, the clock pinned at
 * {@link #NOW} (half past an hour, so the current hour is partial in every zone), a rate limit far above what the
 * tests send (the limit itself is tested on a separately started sandbox) and a test app.
 */
@SpringBootTest(classes = TikTokSandboxApplication.class, properties = {
        "spring.config.name=tiktok-sandbox",
        TikTokSandboxApplication.FIXED_CLOCK + "=2026-03-18T10:30:00Z",
        TikTokSandboxApplication.SEED + "=42",
        TikTokSandboxApplication.QPS + "=100000",
        TikTokSandboxApplication.CREATOR_ACCESS_TTL + "=5m",
        "adpulse.sandbox.posting.min-chunk-size=1024",
        "adpulse.sandbox.posting.processing-delay=100ms",
        TikTokSandboxApplication.APP_ID + "=" + SandboxClient.APP_ID,
        TikTokSandboxApplication.APP_SECRET + "=" + SandboxClient.SECRET})
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class SandboxIntegrationTest {

    /** The pinned sandbox clock. */
    protected static final Instant NOW = Instant.parse("2026-03-18T10:30:00Z");

    @Autowired
    private WebTestClient web;

    protected SandboxClient sandbox;

    @BeforeEach
    void client() {
        sandbox = new SandboxClient(web);
    }
}
