/**
 * TikTok connections: one per account Adpulse may act for, with its status (ACTIVE, NEEDS_REAUTH,
 * REVOKED), who granted it and its encrypted token. Every state change is committed together with
 * the event that announces it (an outbox row) and published on {@code tiktok.connections.v1}.
 */
package io.adpulse.auth.connection;
