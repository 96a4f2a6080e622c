/**
 * KPI arithmetic and rounding, free of I/O: sums of metrics, the KPIs derived from them and the decimal
 * strings the API reports. Every report computes KPIs from sums, never by averaging ratios.
 */
package io.adpulse.reporting.kpi;
