package io.adpulse.auth.privacy;

import io.adpulse.events.ConnectionKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An erasure request and how far it got: {@code status} is {@code COMPLETE} once every expected service confirmed
 * ({@code completedAt} is then the last confirmation), else {@code PENDING}; {@code services} lists each expected
 * service (and any other that confirmed) with its status and the rows it deleted per table. {@code slaDeadline} is
 * {@code requestedAt} plus {@code adpulse.auth.privacy.erasure-sla}; {@code slaMissed} is true when the request was
 * still pending at that moment (it is pending now past it, or completed after it).
 */
public record ErasureView(String id, String connectionId, ConnectionKind connectionKind, List<String> advertiserIds,
        String openId, String kind, String reason, String requestedBy, Instant requestedAt, String status,
        Instant completedAt, Instant slaDeadline, boolean slaMissed, List<ServiceStatus> services) {

    /** One service's part: {@code COMPLETED} with its counts once it confirmed, else {@code PENDING}. */
    public record ServiceStatus(String service, String status, Map<String, Long> deletedRows, Instant completedAt) {
    }
}
