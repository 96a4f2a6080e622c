/** Wiring shared by the features: typed settings, the clock, the event codec, Kafka error handling. */
package io.adpulse.alerting.config;
