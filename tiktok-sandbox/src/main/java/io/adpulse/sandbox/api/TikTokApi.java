package io.adpulse.sandbox.api;

/**
 * Marks a controller serving TikTok's {@code /open_api/v1.3/} paths, so that its errors are answered in TikTok's
 * envelope (HTTP 200, non-zero {@code code}) rather than as problem details.
 */
public interface TikTokApi {

    /** Where TikTok's Marketing API lives. */
    String BASE = "/open_api/v1.3";
}
