/** Cross-cutting HTTP concerns: the caller identity set by the gateway and RFC 9457 problem responses. */
package io.adpulse.auth.web;
