package io.adpulse.events;

import java.time.Instant;
import java.util.List;

/** One request through the gateway, allowed or denied, with who made it and why it was decided so. */
public record AccessRecorded(String correlationId, String actor, List<String> roles, String method,
        String path, String route, Decision decision, String reason, int status, String clientIp, Instant at) {

    /** The gateway's decision on a request. */
    public enum Decision {
        ALLOWED, DENIED
    }
}
