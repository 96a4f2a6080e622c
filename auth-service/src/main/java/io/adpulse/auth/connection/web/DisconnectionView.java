package io.adpulse.auth.connection.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.adpulse.auth.connection.Disconnection;
import io.adpulse.auth.connection.TikTokRevocation;

/**
 * Answer of a disconnect: the connection's fields (as {@link ConnectionView}) plus
 * {@code tiktokRevocation}, which says whether TikTok revoked the token, and why not, and
 * {@code erasureRequestId} when the disconnect also requested the erasure of the account's data.
 */
public record DisconnectionView(@JsonUnwrapped ConnectionView connection, TikTokRevocation tiktokRevocation,
        @JsonInclude(JsonInclude.Include.NON_NULL) String erasureRequestId) {

    public static DisconnectionView of(Disconnection disconnection, String erasureRequestId) {
        return new DisconnectionView(ConnectionView.of(disconnection.connection()), disconnection.tiktok(),
                erasureRequestId);
    }
}
