package io.adpulse.events;

import java.util.List;

/**
 * Kafka topic names. They are public API: written once here, versioned, never derived from class
 * names. A breaking change gets a new topic, never a silent change to an existing one.
 */
public final class Topics {

    /** Compacted. Key: connection id. A tombstone means the connection is gone. */
    public static final String CONNECTIONS = "tiktok.connections.v1";
    /**
     * Compacted. Key: {@link EntityObserved#stateKey()} ({@code advertiserId|LEVEL|entityId}), so compaction keeps the
     * latest snapshot of every entity; a tombstone under that key means the entity is gone.
     */
    public static final String ENTITIES = "tiktok.entities.v1";
    /** Key: advertiser id. Latest value per metric key; consumers upsert. */
    public static final String METRICS = "tiktok.metrics.v1";
    /** Key: creator connection id. */
    public static final String ORGANIC = "tiktok.organic.v1";
    /** Key: the TikTok user the webhook concerns ({@code user_openid}), so one user's notifications stay in order. */
    public static final String WEBHOOKS = "tiktok.webhooks.v1";
    /** Key: operator who started the attempt (or {@code unknown}). Every OAuth callback, connected or refused. */
    public static final String CONNECTION_ATTEMPTS = "tiktok.connection-attempts.v1";
    /** Key: connection id. */
    public static final String API_ERRORS = "tiktok.api-errors.v1";
    /** Key: alert fingerprint. */
    public static final String ALERTS = "alerts.v1";
    /** Key: actor. Every gateway request, allowed or denied. */
    public static final String AUDIT_ACCESS = "audit.access.v1";
    /** Key: client id. */
    public static final String REPORTS = "reports.v1";
    /** Key: subject of the request (connection or advertiser id). */
    public static final String PRIVACY_REQUESTS = "privacy.requests.v1";
    /** Key: subject of the request. */
    public static final String PRIVACY_COMPLETIONS = "privacy.completions.v1";
    /** Key: {@code audit-chain}. audit-service's checkpoints of its hash chain, for anchoring outside Adpulse. */
    public static final String AUDIT_CHECKPOINTS = "audit.checkpoints.v1";
    /** Key: connection id, so one account's writes are executed in the order they were accepted. */
    public static final String COMMANDS = "tiktok.commands.v1";
    /** Key: connection id. Every outcome of a command; a command id's last record is its final result. */
    public static final String COMMAND_RESULTS = "tiktok.command-results.v1";

    /** Every topic, in the order the local stack creates them. */
    public static final List<String> ALL = List.of(CONNECTIONS, CONNECTION_ATTEMPTS, ENTITIES, METRICS, ORGANIC,
            WEBHOOKS, API_ERRORS, ALERTS, AUDIT_ACCESS, REPORTS, PRIVACY_REQUESTS, PRIVACY_COMPLETIONS,
            AUDIT_CHECKPOINTS, COMMANDS, COMMAND_RESULTS);

    /** Topics that hold state and are therefore log-compacted. */
    public static final List<String> COMPACTED = List.of(CONNECTIONS, ENTITIES);

    private Topics() {
    }

    /** The dead-letter topic for records of {@code topic} that could not be processed. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }
}
