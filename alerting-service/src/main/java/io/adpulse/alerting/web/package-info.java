/** What every API of the service shares: who is calling and what that caller may see. */
package io.adpulse.alerting.web;
