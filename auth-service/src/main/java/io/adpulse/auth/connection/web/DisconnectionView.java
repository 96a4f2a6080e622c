package io.adpulse.auth.connection.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.adpulse.auth.connection.Disconnection;
import io.adpulse.auth.connection.TikTokRevocation;

/**
 * Answer of a disconnect: the connection's fields (as {@link ConnectionView}) plus
 * {@code tiktokRevocation}, which says whether TikTok revoked the token, and why not.
 */
public record DisconnectionView(@JsonUnwrapped ConnectionView connection, TikTokRevocation tiktokRevocation) {

    public static DisconnectionView of(Disconnection disconnection) {
        return new DisconnectionView(ConnectionView.of(disconnection.connection()), disconnection.tiktok());
    }
}
