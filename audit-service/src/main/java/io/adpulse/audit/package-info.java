/**
 * audit-service. Features: {@code capture} turns a Kafka record, valid or not, into what is stored (fields,
 * redacted canonical payload, validity); {@code chain} appends captured records to the hash chain, reads its
 * head and verifies it; {@code intake} is the Kafka listener over every topic; {@code query} lists the
 * stored records over HTTP; {@code web} holds the 400 problem for bad input; {@code config} the settings.
 */
package io.adpulse.audit;
