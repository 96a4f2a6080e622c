package io.adpulse.ingest.posting;

import java.util.Map;

/**
 * A TikTok request exactly as it would be sent, for a dry run: method, URL, headers (the access token shown as
 * {@code Bearer <token of connection …>}, never its value) and the JSON body text.
 */
public record PlannedRequest(String method, String url, Map<String, String> headers, String body) {
}
