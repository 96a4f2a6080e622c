package io.adpulse.events;

import java.time.Instant;
import java.util.Map;

/**
 * What became of a {@link CommandRequested}: its {@code outcome}, the exact TikTok {@code request} it made (or, for a
 * dry run, would make; never the access token, which travels in a header that is not recorded), the entity as read
 * {@code before} and {@code after} the write where the kind has one, the id of the entity written or created, and
 * TikTok's answer ({@code tiktokCode}, {@code tiktokMessage}, {@code tiktokRequestId}). {@code reason} says in words
 * why a command failed or was rejected. Kinds that take a while (a video being published) report
 * {@link Outcome#IN_PROGRESS} results first, each with its {@code progress} step, then one final outcome.
 */
public record CommandResult(String commandId, String kind, String connectionId, String advertiserId, String actor,
        boolean dryRun, Outcome outcome, String progress, String reason, TikTokRequest request,
        Map<String, Object> before, Map<String, Object> after, String entityId, Integer tiktokCode,
        String tiktokMessage, String tiktokRequestId, Instant completedAt) {

    /** How a command ended, or that it is still running. */
    public enum Outcome {
        /** Sent to TikTok, not finished yet (see {@code progress}); a later result follows. */
        IN_PROGRESS,
        /** TikTok accepted the write. */
        SUCCEEDED,
        /** TikTok refused the write or could not be reached; {@code tiktokCode}/{@code reason} say why. */
        FAILED,
        /** Adpulse refused the command before calling TikTok (unknown kind, invalid parameters, no such connection). */
        REJECTED,
        /** A dry run: {@code request} is what would be sent; nothing was. */
        DRY_RUN;

        /** Whether no further result follows for the command. */
        public boolean isFinal() {
            return this != IN_PROGRESS;
        }
    }

    /** One HTTP request to TikTok as sent: method, full URL with its query, and the exact JSON body (null for none). */
    public record TikTokRequest(String method, String url, String body) {
    }
}
