package io.adpulse.auth.connection;

/** The result of a disconnect: the connection in its new state and what happened at TikTok. */
public record Disconnection(Connection connection, TikTokRevocation tiktok) {
}
