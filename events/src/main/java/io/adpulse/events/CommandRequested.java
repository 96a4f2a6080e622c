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
 *
 * <p>A parameter that is a credential ({@link #SECRET_PARAMETERS}: a creator's Spark Ads code) never travels in
 * plaintext: the gateway replaces it with a {@link SealedParameter} (an object with {@code keyId}, {@code ciphertext}
 * and {@code endsWith}), sealed with the transit keys ({@link TransitCipher}) for this command id. The fingerprint is
 * taken over the plaintext, before sealing.
 */
public record CommandRequested(String commandId, String kind, String connectionId, String advertiserId, String actor,
        boolean dryRun, Map<String, Object> parameters, String fingerprint, Instant requestedAt) {

    public CommandRequested {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(parameters));
    }

    /** Parameters that are credentials, sealed on the topic. */
    public static final java.util.Set<String> SECRET_PARAMETERS = java.util.Set.of("authCode");

    /**
     * A secret parameter as it travels: {@code sealed} under a transit key for the command id, and its last
     * characters ({@code endsWith}) for people to recognise it.
     */
    public record SealedParameter(SealedToken sealed, String endsWith) {

        private static final int SHOWN = 4;

        /** Seals {@code value} for command {@code commandId}. */
        public static SealedParameter seal(TransitCipher cipher, String value, String commandId) {
            String end = value.length() > 2 * SHOWN ? value.substring(value.length() - SHOWN) : "";
            return new SealedParameter(cipher.seal(value, commandId), end);
        }

        /** The parameter's JSON object: {@code keyId}, {@code ciphertext}, {@code endsWith}. */
        public Map<String, Object> toJson() {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("keyId", sealed.keyId());
            json.put("ciphertext", sealed.ciphertext());
            json.put("endsWith", endsWith);
            return json;
        }

        /** The sealed parameter in {@code value}, or empty when {@code value} is not such an object. */
        public static java.util.Optional<SealedParameter> of(Object value) {
            if (value instanceof Map<?, ?> map && map.get("keyId") instanceof String keyId
                    && map.get("ciphertext") instanceof String ciphertext) {
                Object end = map.get("endsWith");
                return java.util.Optional.of(new SealedParameter(new SealedToken(keyId, ciphertext),
                        end instanceof String text ? text : ""));
            }
            return java.util.Optional.empty();
        }
    }
}
