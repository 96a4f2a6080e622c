/** HTTP API for reading and disconnecting TikTok connections. Responses never contain tokens. */
package io.adpulse.auth.connection.web;
