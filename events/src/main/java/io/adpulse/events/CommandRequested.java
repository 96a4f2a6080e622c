package io.adpulse.events;

import java.time.Instant;
import java.util.Map;

/**
 * Someone asked Adpulse to write to TikTok on behalf of one connected account: change a budget or a status, create an
 * entity, publish a video... {@code commandId} is the caller's idempotency key: the service that executes commands
 * runs each id at most once and answers a repeat with the result it recorded. {@code kind} names the handler
 * ({@code campaign.update}, {@code campaign.status.update}...); {@code parameters} is its JSON object (decimals travel
 * as strings). With {@code dryRun} the executing service only builds the exact TikTok request and answers it as a
 * {@link CommandResult.Outcome#DRY_RUN} result, without sending anything. {@code fingerprint} is the SHA-256 (hex) of
 * the canonical command (kind, connection, advertiser, actor, dry-run flag, parameters), so a reused id with another
 * command is recognisable.
 */
public record CommandRequested(String commandId, String kind, String connectionId, String advertiserId, String actor,
        boolean dryRun, Map<String, Object> parameters, String fingerprint, Instant requestedAt) {

    public CommandRequested {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(parameters));
    }
}
