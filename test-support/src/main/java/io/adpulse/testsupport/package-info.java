/**
 * The embedded infrastructure Adpulse runs on without Docker or installed servers: one real Kafka
 * broker in KRaft mode and one real PostgreSQL, started in-process. Tests share one of each per JVM
 * through {@link io.adpulse.testsupport.SharedInfrastructure}; the local stack launcher uses the same
 * classes with fixed ports.
 */
package io.adpulse.testsupport;
