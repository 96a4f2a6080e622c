/** Wiring: settings, crypto, Kafka error handling, clock and transactions. */
package io.adpulse.auth.config;
