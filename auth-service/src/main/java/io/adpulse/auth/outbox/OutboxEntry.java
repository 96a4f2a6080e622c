package io.adpulse.auth.outbox;

/** An event waiting to be published: CloudEvents bytes for {@code topic} under {@code key}. */
record OutboxEntry(long seq, String eventId, String topic, String key, byte[] payload) {
}
