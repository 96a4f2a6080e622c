package io.adpulse.auth.outbox;

/**
 * An event waiting to be published: CloudEvents bytes for {@code topic} under {@code key}, or a
 * tombstone when {@code payload} is null.
 */
record OutboxEntry(long seq, String eventId, String topic, String key, byte[] payload) {

    boolean tombstone() {
        return payload == null;
    }
}
