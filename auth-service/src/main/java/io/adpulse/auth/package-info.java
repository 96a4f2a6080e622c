/**
 * auth-service owns TikTok connections: the OAuth flows that create them, the encrypted token store,
 * and the {@code tiktok.connections.v1} events that tell the rest of Adpulse a connection was granted
 * or stopped being usable. Features: {@code oauth}, {@code connection}, {@code apierrors}; support:
 * {@code tiktok} (TikTok adapter), {@code crypto}, {@code outbox}, {@code web}, {@code config}.
 */
package io.adpulse.auth;
