package io.adpulse.sandbox.api;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * TikTok's response envelope, for success and error alike: {@code code} 0 means OK; errors carry an empty
 * {@code data} object.
 */
public record Envelope(int code, String message, @JsonProperty("request_id") String requestId, Object data) {

    public static Envelope ok(String requestId, Object data) {
        return new Envelope(0, "OK", requestId, data);
    }

    public static Envelope error(String requestId, int code, String message) {
        return new Envelope(code, message, requestId, Map.of());
    }
}
