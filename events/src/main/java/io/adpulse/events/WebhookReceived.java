package io.adpulse.events;

import java.time.Instant;
import java.util.Map;

/**
 * A TikTok webhook delivery that passed signature verification, published once however often TikTok delivered it.
 *
 * @param deliveryId  stable id of the delivery: the same for TikTok's retries and duplicates of one notification
 * @param event       TikTok's event name, e.g. {@code authorization.removed}, {@code post.publish.complete}
 * @param clientKey   the TikTok app the notification is for
 * @param userOpenId  the TikTok user it concerns ({@code user_openid}); empty string when TikTok sent none
 * @param createTime  when TikTok created the notification ({@code create_time})
 * @param content     TikTok's {@code content} (a JSON string in the body) parsed into its fields; nested values are
 *                    kept as their JSON text
 * @param receivedAt  when Adpulse accepted it
 */
public record WebhookReceived(String deliveryId, String event, String clientKey, String userOpenId,
        Instant createTime, Map<String, String> content, Instant receivedAt) {

    /** TikTok's event when a user removed Adpulse's access (Login Kit). */
    public static final String AUTHORIZATION_REMOVED = "authorization.removed";
}
