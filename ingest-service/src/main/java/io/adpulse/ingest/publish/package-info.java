/** The Kafka side of publishing: every event this service emits leaves through {@link io.adpulse.ingest.publish.EventPublisher}. */
package io.adpulse.ingest.publish;
