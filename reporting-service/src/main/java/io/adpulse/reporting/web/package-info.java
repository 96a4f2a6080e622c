/**
 * HTTP request rules shared by the reports: date ranges, ids, levels, the 400 and 409 problems, CSV and JSON
 * exports with their {@code Accept: text/csv} negotiation, and the OpenAPI document. Errors are RFC
 * 9457 problem details (Spring's handler is enabled with {@code spring.webflux.problemdetails.enabled}).
 */
package io.adpulse.reporting.web;
