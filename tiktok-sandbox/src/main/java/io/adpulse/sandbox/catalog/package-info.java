/**
 * The seeded accounts: three advertisers (US, UK, JP) with their campaigns, ad groups and ads, derived only from
 * the seed and the date the sandbox started, so that two sandboxes with the same seed and clock hold the same
 * catalogue.
 */
package io.adpulse.sandbox.catalog;
