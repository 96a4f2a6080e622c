/**
 * TikTok connections: one per account Adpulse may act for (advertisers through the API for Business,
 * creators through Login Kit), with its status (ACTIVE, NEEDS_REAUTH, REVOKED), who granted it and its
 * encrypted tokens. Creator tokens are refreshed ahead of expiry; master keys can be rotated. Every
 * state change is committed together with the event that announces it (an outbox row) and published on
 * {@code tiktok.connections.v1}.
 */
package io.adpulse.auth.connection;
