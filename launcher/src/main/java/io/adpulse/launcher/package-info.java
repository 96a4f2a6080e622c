/**
 * The local stack: one command starts a real Kafka broker (KRaft) and a real PostgreSQL in-process,
 * the TikTok sandbox, and every Adpulse service as its own process, wired together the way
 * {@code deploy/} wires them on real infrastructure.
 */
package io.adpulse.launcher;
