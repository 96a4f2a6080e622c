/**
 * TikTok Login Kit v2 for creator (TikTok user) accounts: the authorize page with PKCE (S256), the
 * {@code /v2/oauth/token/} endpoint (authorization code and refresh token grants, refresh tokens rotated on every
 * use), {@code /v2/oauth/revoke/} and {@code /v2/user/info/}. Answers are flat JSON as TikTok's v2 API sends them,
 * not the Marketing API envelope.
 */
package io.adpulse.sandbox.loginkit;
