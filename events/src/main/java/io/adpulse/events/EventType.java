package io.adpulse.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type Adpulse publishes: its CloudEvents {@code type}, the record that carries its data,
 * the topic it travels on and the JSON Schema its data must satisfy.
 */
public enum EventType {
    CONNECTION_GRANTED("adpulse.connections.granted.v1", ConnectionGranted.class, Topics.CONNECTIONS),
    CONNECTION_REVOKED("adpulse.connections.revoked.v1", ConnectionRevoked.class, Topics.CONNECTIONS),
    CONNECTION_ATTEMPTED("adpulse.connections.attempted.v1", ConnectionAttempted.class, Topics.CONNECTION_ATTEMPTS),
    ENTITY_OBSERVED("adpulse.entities.observed.v1", EntityObserved.class, Topics.ENTITIES),
    METRIC_OBSERVED("adpulse.metrics.observed.v1", MetricObserved.class, Topics.METRICS),
    ORGANIC_VIDEO_OBSERVED("adpulse.organic.video-observed.v1", OrganicVideoObserved.class, Topics.ORGANIC),
    WEBHOOK_RECEIVED("adpulse.webhooks.received.v1", WebhookReceived.class, Topics.WEBHOOKS),
    API_ERROR_OCCURRED("adpulse.api-errors.occurred.v1", ApiErrorOccurred.class, Topics.API_ERRORS),
    ALERT_FIRED("adpulse.alerts.fired.v1", AlertFired.class, Topics.ALERTS),
    ALERT_RESOLVED("adpulse.alerts.resolved.v1", AlertResolved.class, Topics.ALERTS),
    REPORT_GENERATED("adpulse.reports.generated.v1", ReportGenerated.class, Topics.REPORTS),
    ACCESS_RECORDED("adpulse.access.recorded.v1", AccessRecorded.class, Topics.AUDIT_ACCESS),
    PRIVACY_REQUESTED("adpulse.privacy.requested.v1", PrivacyRequested.class, Topics.PRIVACY_REQUESTS),
    PRIVACY_COMPLETED("adpulse.privacy.completed.v1", PrivacyCompleted.class, Topics.PRIVACY_COMPLETIONS),
    AUDIT_CHECKPOINTED("adpulse.audit.checkpointed.v1", AuditCheckpointed.class, Topics.AUDIT_CHECKPOINTS),
    COMMAND_REQUESTED("adpulse.commands.requested.v1", CommandRequested.class, Topics.COMMANDS),
    COMMAND_RESULT("adpulse.commands.result.v1", CommandResult.class, Topics.COMMAND_RESULTS);

    /** Base of the {@code dataschema} URIs; the schema files ship in this module under {@code schemas/}. */
    public static final String SCHEMA_BASE = "https://schemas.adpulse.io/events/";

    private final String type;
    private final Class<? extends Record> dataClass;
    private final String topic;
    private final URI dataSchema;

    EventType(String type, Class<? extends Record> dataClass, String topic) {
        this.type = type;
        this.dataClass = dataClass;
        this.topic = topic;
        this.dataSchema = URI.create(SCHEMA_BASE + type + ".json");
    }

    public String type() {
        return type;
    }

    public Class<? extends Record> dataClass() {
        return dataClass;
    }

    public String topic() {
        return topic;
    }

    public URI dataSchema() {
        return dataSchema;
    }

    /** Classpath location of this type's JSON Schema. */
    String schemaResource() {
        return "schemas/" + type + ".json";
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType of(Class<?> dataClass) {
        return Arrays.stream(values()).filter(t -> t.dataClass.equals(dataClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an event record: " + dataClass.getName()));
    }
}
