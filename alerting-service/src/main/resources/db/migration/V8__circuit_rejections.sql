-- Calls ingest-service declined itself (rejected_by: circuit-breaker or rate-limiter) are told apart from errors
-- TikTok answered with: the circuit-open rule counts the former per endpoint, api-error-rate only the latter.
alter table api_error add column rejected_by text;

create index api_error_circuit_rejections on api_error (endpoint, occurred_at) where rejected_by = 'circuit-breaker';
