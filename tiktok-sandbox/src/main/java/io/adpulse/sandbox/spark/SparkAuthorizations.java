package io.adpulse.sandbox.spark;

import io.adpulse.sandbox.api.ApiException;
import io.adpulse.sandbox.display.Video;
import io.adpulse.sandbox.display.VideoLibrary;
import io.adpulse.sandbox.loginkit.Creator;
import io.adpulse.sandbox.loginkit.Creators;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The Spark Ads codes creators made and the posts advertisers authorized with them. A code names one post of one
 * creator and is valid for 7, 30, 60 or 365 days (tiktok-api.md §7.4); an advertiser authorizes it once, after which the
 * post can be the creative of its ads until the code's validity ends. Thread-safe.
 */
@Component
public class SparkAuthorizations {

    /** How long a creator may let a code run, in days, as TikTok's app offers. */
    public static final Set<Integer> VALIDITY_DAYS = Set.of(7, 30, 60, 365);
    /** The identity type of a post authorized by code. */
    public static final String AUTH_CODE = "AUTH_CODE";

    /** A code a creator made for one post. */
    public record Code(String code, String openId, String itemId, Instant issuedAt, Instant expiresAt) {
    }

    /** A post an advertiser authorized with a code: the post, the creator behind it and until when it may run. */
    public record Authorized(String advertiserId, String itemId, String openId, String identityId, String code,
                             Instant authorizedAt, Instant expiresAt) {
    }

    private final Creators creators;
    private final VideoLibrary videos;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Authorized> authorized = new LinkedHashMap<>();

    SparkAuthorizations(Creators creators, VideoLibrary videos, Clock clock) {
        this.creators = creators;
        this.videos = videos;
        this.clock = clock;
    }

    /**
     * A new code for the creator's post, as the creator would make in the app.
     *
     * @throws IllegalArgumentException for an unknown creator or post, or a validity TikTok does not offer
     */
    public Code issue(String openId, String itemId, int days) {
        if (!VALIDITY_DAYS.contains(days)) {
            throw new IllegalArgumentException("days must be one of 7, 30, 60, 365");
        }
        if (creators.byOpenId(openId).isEmpty()) {
            throw new IllegalArgumentException("No sandbox creator '" + openId + "'");
        }
        if (videos.find(openId, itemId).isEmpty()) {
            throw new IllegalArgumentException("Creator " + openId + " has no post " + itemId);
        }
        byte[] bytes = new byte[45];
        random.nextBytes(bytes);
        Instant now = clock.instant();
        Code code = new Code("#" + Base64.getEncoder().encodeToString(bytes), openId, itemId, now,
                now.plus(Duration.ofDays(days)));
        codes.put(code.code(), code);
        return code;
    }

    /** Ends a code's validity now (the creator revoked it, or its days ran out); false for an unknown code. */
    public boolean expire(String code) {
        Instant now = clock.instant();
        Code ended = codes.computeIfPresent(code, (key, c) -> new Code(c.code(), c.openId(), c.itemId(), c.issuedAt(),
                now.minusSeconds(1)));
        if (ended == null) {
            return false;
        }
        synchronized (authorized) {
            authorized.replaceAll((key, a) -> a.code().equals(code) ? new Authorized(a.advertiserId(), a.itemId(),
                    a.openId(), a.identityId(), a.code(), a.authorizedAt(), ended.expiresAt()) : a);
        }
        return true;
    }

    /** A code that exists and is still valid, or TikTok's 40002 naming {@code auth_code}. */
    public Code valid(String code) {
        Code found = codes.get(code);
        if (found == null) {
            throw ApiException.param("auth_code", "The authorization code does not exist or was deleted by the"
                    + " creator.");
        }
        if (!clock.instant().isBefore(found.expiresAt())) {
            throw ApiException.param("auth_code", "The authorization code has expired. Ask the creator for a new"
                    + " one.");
        }
        return found;
    }

    /** Registers the code's post for the advertiser; a post the advertiser already holds is TikTok's 40002. */
    public Authorized authorize(String advertiserId, String code) {
        Code valid = valid(code);
        synchronized (authorized) {
            Authorized earlier = authorized.get(key(advertiserId, valid.itemId()));
            if (earlier != null && clock.instant().isBefore(earlier.expiresAt())) {
                throw ApiException.param("auth_code", "The post " + valid.itemId() + " has already been authorized"
                        + " for advertiser " + advertiserId + ".");
            }
            Authorized now = new Authorized(advertiserId, valid.itemId(), valid.openId(), identityId(valid.openId()),
                    valid.code(), clock.instant(), valid.expiresAt());
            authorized.put(key(advertiserId, valid.itemId()), now);
            return now;
        }
    }

    /** The advertiser's authorization of the post, expired or not. */
    public Optional<Authorized> of(String advertiserId, String itemId) {
        synchronized (authorized) {
            return Optional.ofNullable(authorized.get(key(advertiserId, itemId)));
        }
    }

    /** The advertiser's authorized posts, oldest first. */
    public List<Authorized> of(String advertiserId) {
        synchronized (authorized) {
            return new ArrayList<>(authorized.values().stream().filter(a -> a.advertiserId().equals(advertiserId))
                    .toList());
        }
    }

    /** Whether the authorization still lets the post run as an ad. */
    public boolean active(Authorized authorization) {
        return clock.instant().isBefore(authorization.expiresAt());
    }

    public Instant now() {
        return clock.instant();
    }

    /** The creator and their post behind a code (both exist: codes are only made for existing posts). */
    public Creator creator(String openId) {
        return creators.byOpenId(openId).orElseThrow();
    }

    public Video video(String openId, String itemId) {
        return videos.find(openId, itemId).orElseThrow();
    }

    /**
     * The creator's identity id for ads authorized by code: a 19-digit number derived from the open id. UNSURE: the
     * shape of TikTok's identity ids is not in our sources.
     */
    public static String identityId(String openId) {
        long bits = UUID.nameUUIDFromBytes(("identity|" + openId).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
        return Long.toString(6_900_000_000_000_000_000L + Math.floorMod(bits, 100_000_000_000_000_000L));
    }

    private static String key(String advertiserId, String itemId) {
        return advertiserId + "|" + itemId;
    }
}
