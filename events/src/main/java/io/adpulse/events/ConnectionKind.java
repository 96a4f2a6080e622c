package io.adpulse.events;

/** What a TikTok connection authorises: an ads account (API for Business) or a creator account (Login Kit). */
public enum ConnectionKind {
    ADVERTISER, CREATOR
}
