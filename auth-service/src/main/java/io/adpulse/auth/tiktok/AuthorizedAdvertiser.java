package io.adpulse.auth.tiktok;

/** An advertiser account a grant covers, with the name TikTok shows for it (may be null). */
public record AuthorizedAdvertiser(String advertiserId, String name) {
}
