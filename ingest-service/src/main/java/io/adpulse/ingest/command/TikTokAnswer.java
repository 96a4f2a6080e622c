package io.adpulse.ingest.command;

import java.util.Map;

/**
 * TikTok's answer to a {@link TikTokCall}: whether it succeeded (code 0, or 20001 partial success; {@code ok} in v2),
 * TikTok's code (the v2 string codes are mapped to their Marketing API number, {@code null} when TikTok was not
 * reached), message and request id, and the {@code data} object (empty on failure). A failure that never reached
 * TikTok (circuit open, rate-limit wait exceeded, timeout, connection refused) has {@code code == null} and the reason
 * in {@code message}; after a timeout TikTok may still have applied the write.
 */
public record TikTokAnswer(boolean ok, Integer code, String message, String requestId, Map<String, Object> data) {

    public TikTokAnswer {
        data = data == null ? Map.of() : data;
    }

    /** {@code data.<name>} as text, e.g. the id of a created entity; {@code null} when absent. */
    public String dataText(String name) {
        Object value = data.get(name);
        return value == null ? null : value.toString();
    }
}
