/**
 * Kafka plumbing shared by the listeners: retries of failed records, dead-letter publishing to
 * {@code <topic>.dlt} with the reason, and the container error handler.
 */
package io.adpulse.reporting.kafka;
