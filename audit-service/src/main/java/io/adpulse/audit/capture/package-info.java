/**
 * What audit stores of one Kafka record: its coordinates, the CloudEvent fields when they can be read, the
 * validity verdict with its reason, and a canonical copy of the value with secret-named fields redacted.
 * Capturing never fails: a record that is not a valid event is captured as invalid, never dropped.
 */
package io.adpulse.audit.capture;
