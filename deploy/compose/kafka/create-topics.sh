#!/usr/bin/env bash
# Declares every Adpulse topic and its dead-letter topic (<topic>.dlt) on the compose Kafka cluster.
# Idempotent (--if-not-exists). Keep in step with io.adpulse.events.Topics (ALL, COMPACTED); the deploy module's
# test checks that every topic there is listed here and that the compacted ones are compacted.
set -euo pipefail
BOOTSTRAP="${BOOTSTRAP:-kafka-1:9092,kafka-2:9092,kafka-3:9092}"
PARTITIONS="${PARTITIONS:-6}"
KT=/opt/kafka/bin/kafka-topics.sh

create() { # name cleanup.policy retention.ms
  "$KT" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$1" \
    --partitions "$PARTITIONS" --replication-factor 3 \
    --config min.insync.replicas=2 --config cleanup.policy="$2" --config retention.ms="$3"
}

WEEK=604800000
MONTH=2592000000
# state topics: compacted, kept forever (the latest value per key)
create tiktok.connections.v1 compact -1
create tiktok.entities.v1 compact -1
# streams
create tiktok.connection-attempts.v1 delete "$MONTH"
create tiktok.metrics.v1 delete "$MONTH"
create tiktok.organic.v1 delete "$MONTH"
create tiktok.webhooks.v1 delete "$WEEK"
create tiktok.api-errors.v1 delete "$WEEK"
create alerts.v1 delete "$MONTH"
create audit.access.v1 delete "$MONTH"
create reports.v1 delete "$WEEK"
create privacy.requests.v1 delete "$MONTH"
create privacy.completions.v1 delete "$MONTH"
# audit checkpoints: few (one per interval), kept forever so the anchored history stays readable
create audit.checkpoints.v1 delete -1
create tiktok.commands.v1 delete "$MONTH"
create tiktok.command-results.v1 delete "$MONTH"
# dead letters: kept a month for inspection and replay
for t in tiktok.connections.v1 tiktok.connection-attempts.v1 tiktok.entities.v1 tiktok.metrics.v1 tiktok.organic.v1 tiktok.webhooks.v1 \
         tiktok.api-errors.v1 alerts.v1 audit.access.v1 reports.v1 privacy.requests.v1 privacy.completions.v1 \
         audit.checkpoints.v1 tiktok.commands.v1 tiktok.command-results.v1; do
  create "$t.dlt" delete "$MONTH"
done
"$KT" --bootstrap-server "$BOOTSTRAP" --list
