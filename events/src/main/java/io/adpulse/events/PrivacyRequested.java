package io.adpulse.events;

import java.time.Instant;
import java.util.List;

/**
 * Someone asked for one TikTok account's data to be erased: every service deletes what it holds for
 * {@code connectionId} and its {@code advertiserIds} (for a creator connection, its {@code openId}) and confirms
 * with {@link PrivacyCompleted}.
 */
public record PrivacyRequested(String requestId, String connectionId, ConnectionKind connectionKind,
        List<String> advertiserIds, String openId, Kind kind, String requestedBy, Instant requestedAt,
        Reason reason) {

    public PrivacyRequested {
        advertiserIds = advertiserIds == null ? List.of() : List.copyOf(advertiserIds);
    }

    /** What is asked. Only erasure travels on the topic so far. */
    public enum Kind {
        ERASURE
    }

    /** Why: the account was disconnected (at once or after the retention window), or someone asked explicitly. */
    public enum Reason {
        DISCONNECT, EXPLICIT
    }

    /** Every id this request covers: the advertiser ids and, for a creator, the open id. */
    public List<String> accountIds() {
        if (openId == null || advertiserIds.contains(openId)) {
            return advertiserIds;
        }
        var ids = new java.util.ArrayList<>(advertiserIds);
        ids.add(openId);
        return List.copyOf(ids);
    }
}
