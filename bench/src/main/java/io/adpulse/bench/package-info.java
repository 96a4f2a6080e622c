/**
 * Benchmarks of the real Adpulse programs, each figure next to a reference measured in the same run on the same
 * machine (a plain JDBC upsert, raw Kafka, the service without the gateway, the usual connector's call plan), because
 * the machine they run on is shared and noisy. {@link io.adpulse.bench.BenchMain} runs them and writes
 * docs/BENCHMARKS.md.
 */
package io.adpulse.bench;
