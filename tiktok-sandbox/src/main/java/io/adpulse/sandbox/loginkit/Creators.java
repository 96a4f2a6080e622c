package io.adpulse.sandbox.loginkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.adpulse.sandbox.config.SandboxProperties;

/** The TikTok users of the sandbox: two creators whose {@code open_id}s derive from the seed. */
@Component
public class Creators {

    private final List<Creator> creators;

    public Creators(SandboxProperties properties) {
        this.creators = List.of(
                new Creator(openId(properties.seed(), 1), "Trailside Tales", "trailside.tales"),
                new Creator(openId(properties.seed(), 2), "Glow With Mai", "glowwithmai"));
    }

    public List<Creator> all() {
        return creators;
    }

    public Optional<Creator> byOpenId(String openId) {
        return creators.stream().filter(c -> c.openId().equals(openId)).findFirst();
    }

    private static String openId(long seed, int n) {
        return UUID.nameUUIDFromBytes(("creator|" + seed + "|" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
