package io.adpulse.ingest.sync;

/**
 * Marks a TikTok failure that means the connection's access token is no longer accepted (revoked by the
 * advertiser, expired, or the advertiser account closed). Retrying cannot help and neither can the next
 * poll: the connection stops being polled until auth-service grants it again with a new token.
 */
public interface TokenRejected {
}
