package io.adpulse.sandbox.api;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * TikTok v2's answers (Display API, Content Posting API): {@code {"data":{...},"error":{"code":"ok","message":"",
 * "log_id":"..."}}}; errors carry {@code "data":{}}, a string {@code error.code} and its HTTP status.
 */
public final class V2Answers {

    private V2Answers() {
    }

    /** A successful answer with {@code data}. */
    public static ResponseEntity<Object> ok(Object data) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("data", data, "error", Map.of("code", "ok", "message", "", "log_id", logId())));
    }

    /** TikTok v2's error answer. */
    public static ResponseEntity<Object> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("data", Map.of(), "error", Map.of("code", code, "message", message, "log_id", logId())));
    }

    /** A log id as TikTok sends them (upper-case hex). */
    public static String logId() {
        return UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }
}
