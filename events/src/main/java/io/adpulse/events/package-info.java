/**
 * Adpulse event contracts: the CloudEvents envelope, one immutable record per event type,
 * the topic names and the JSON Schemas that every producer and consumer agrees on.
 *
 * <p>This module is public API for downstream systems that read Adpulse topics. It carries no
 * Spring, Kafka-client or persistence dependency.
 */
package io.adpulse.events;
