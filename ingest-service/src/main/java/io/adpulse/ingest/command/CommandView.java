package io.adpulse.ingest.command;

import io.adpulse.events.CommandResult;
import io.adpulse.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * A command as the UI and the gateway read it: what was asked (with the fingerprint the gateway compares for a reused
 * idempotency key), where its execution is, and its latest result ({@code null} until there is one).
 */
public record CommandView(String commandId, String kind, String connectionId, String advertiserId, String actor,
        boolean dryRun, Map<String, Object> parameters, String fingerprint, String state, Instant requestedAt,
        Instant receivedAt, Instant updatedAt, CommandResult result) {

    public static CommandView of(StoredCommand stored, EventCodec codec) {
        var request = codec.decode(stored.requestEvent().getBytes(StandardCharsets.UTF_8),
                io.adpulse.events.CommandRequested.class).data();
        CommandResult result = stored.resultEvent() == null ? null
                : codec.decode(stored.resultEvent().getBytes(StandardCharsets.UTF_8), CommandResult.class).data();
        return new CommandView(stored.commandId(), stored.kind(), stored.connectionId(), stored.advertiserId(),
                stored.actor(), stored.dryRun(), shown(request.parameters()), stored.fingerprint(), stored.state().name(),
                stored.requestedAt(), stored.receivedAt(), stored.updatedAt(), result);
    }

    /**
     * Credentials ({@link io.adpulse.events.CommandRequested#SECRET_PARAMETERS}: a creator's Spark Ads code) show only
     * their last characters, like the request in the result ({@link TikTokCall#masked}); they are stored sealed.
     */
    private static Map<String, Object> shown(Map<String, Object> parameters) {
        var secrets = io.adpulse.events.CommandRequested.SECRET_PARAMETERS;
        if (parameters == null || parameters.keySet().stream().noneMatch(secrets::contains)) {
            return parameters;
        }
        Map<String, Object> shown = new java.util.LinkedHashMap<>(parameters);
        shown.replaceAll((name, value) -> !secrets.contains(name) || value == null ? value
                : io.adpulse.events.CommandRequested.SealedParameter.of(value)
                        .map(sealed -> (Object) ("••••" + sealed.endsWith()))
                        .orElseGet(() -> TikTokCall.mask(value.toString())));
        return shown;
    }
}
