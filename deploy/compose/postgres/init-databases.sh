#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is empty: one database per service, owned by a role of the same
# name whose password comes from <SERVICE>_DB_PASSWORD. Each service's Flyway migrations create its schema.
set -euo pipefail
for db in auth ingest reporting alerting audit identity; do
  var="${db^^}_DB_PASSWORD"
  password="${!var:?$var is not set}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="$db" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
