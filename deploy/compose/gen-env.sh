#!/usr/bin/env bash
# Writes deploy/compose/.env with fresh random secrets (AES-256 keys, database and admin passwords).
# Refuses to overwrite an existing .env: the keys in it encrypt data at rest.
set -euo pipefail
cd "$(dirname "$0")"
if [ -e .env ]; then echo ".env exists; remove it first if you really want new secrets" >&2; exit 1; fi
key() { openssl rand -base64 32; }
pw() { openssl rand -base64 24 | tr -d '/+=' ; }
umask 077
cat > .env <<ENV
ADPULSE_TRANSIT_KEYS=transit-$(date +%Y%m%d):$(key)
ADPULSE_TOKEN_KEYS=token-$(date +%Y%m%d):$(key)
ADPULSE_ADMIN_PASSWORD=$(pw)
POSTGRES_PASSWORD=$(pw)
AUTH_DB_PASSWORD=$(pw)
INGEST_DB_PASSWORD=$(pw)
REPORTING_DB_PASSWORD=$(pw)
ALERTING_DB_PASSWORD=$(pw)
AUDIT_DB_PASSWORD=$(pw)
IDENTITY_DB_PASSWORD=$(pw)
ADPULSE_IDENTITY_MFA_KEYS=mfa-$(date +%Y%m%d):$(key)
ADPULSE_OIDC_CLIENT_SECRET=$(pw)
GRAFANA_ADMIN_PASSWORD=$(pw)
ENV
echo "wrote $(pwd)/.env (admin password: grep ADPULSE_ADMIN_PASSWORD .env)"
