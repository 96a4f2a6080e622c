package io.adpulse.audit;

import io.adpulse.events.AccessRecorded;
import io.adpulse.events.ConnectionGranted;
import io.adpulse.events.ConnectionKind;
import io.adpulse.events.EventEnvelope;
import io.adpulse.events.EventSamples;
import io.adpulse.events.SealedToken;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Object mother: events with fresh ids and subjects, so tests on the shared log never see each other's. */
final class TestEvents {

    private TestEvents() {
    }

    /** A name no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** The canonical sample of an event type, under a fresh id and the given subject. */
    static <T extends Record> EventEnvelope<T> sample(EventEnvelope<T> sample, String subject) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), sample.type(), sample.source(), sample.time(), subject,
                sample.data());
    }

    static EventEnvelope<AccessRecorded> access(String actor, String route, AccessRecorded.Decision decision,
            Instant at) {
        var data = new AccessRecorded(UUID.randomUUID().toString(), actor, List.of("ADMIN"), "GET",
                "/api/" + route + "/things", route, decision, decision == AccessRecorded.Decision.ALLOWED
                ? "authenticated" : "missing role", decision == AccessRecorded.Decision.ALLOWED ? 200 : 403,
                "127.0.0.1", at);
        return EventEnvelope.of("/adpulse/gateway", actor, at, data, data.correlationId());
    }

    static EventEnvelope<ConnectionGranted> connectionGranted(String connectionId, String ciphertext) {
        var data = new ConnectionGranted(connectionId, ConnectionKind.ADVERTISER, "7002238017842757633", "Northwind",
                new SealedToken("transit-test", ciphertext), List.of("1"), "operator-ann", EventSamples.T0);
        return EventEnvelope.of("/adpulse/auth-service", connectionId, EventSamples.T0, data, connectionId, "granted");
    }
}
