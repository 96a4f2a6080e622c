/**
 * HTTP rules shared by the endpoints: who may read ({@code AuditReaders}: never a CLIENT user) and the 400
 * problem for bad input. Errors are RFC 9457 problem details
 * (Spring's handler is enabled with {@code spring.webflux.problemdetails.enabled}).
 */
package io.adpulse.audit.web;
