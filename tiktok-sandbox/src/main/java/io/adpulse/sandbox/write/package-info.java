/**
 * TikTok's write endpoints for campaigns, ad groups and ads: create, update (name, budget) and status update, with
 * TikTok's validation errors; changes go into {@link io.adpulse.sandbox.catalog.CatalogEdits}, so the entity
 * endpoints list them at once.
 */
package io.adpulse.sandbox.write;
