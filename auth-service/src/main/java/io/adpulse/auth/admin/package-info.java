/** Administrative HTTP API (ADMIN role only): token master-key rotation. */
package io.adpulse.auth.admin;
