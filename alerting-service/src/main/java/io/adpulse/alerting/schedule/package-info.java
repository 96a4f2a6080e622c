/**
 * The periodic passes of alerting-service, shared by the feature packages.
 */
package io.adpulse.alerting.schedule;
