/** The validated settings of the service ({@code adpulse.reporting.*}). */
package io.adpulse.reporting.config;
