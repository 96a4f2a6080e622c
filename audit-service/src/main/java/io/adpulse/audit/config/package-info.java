/** The validated settings of the service ({@code adpulse.audit.*}). */
package io.adpulse.audit.config;
