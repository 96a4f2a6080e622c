/**
 * Campaign management commands for advertiser connections (API for Business v1.3): budget, name and status changes
 * of campaigns, ad groups and ads, and creating each from a form. One {@link io.adpulse.ingest.command.CommandHandler}
 * bean per kind.
 */
package io.adpulse.ingest.command.ads;
