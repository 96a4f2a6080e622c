package io.adpulse.alerting.alert.outbox;

/** One outbox row waiting to be published: the encoded CloudEvent and where it goes. */
record OutboxMessage(long id, String topic, String key, String eventId, byte[] payload) {
}
