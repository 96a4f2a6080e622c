package io.adpulse.sandbox.entity;

import java.time.Instant;
import java.util.Map;

import io.adpulse.sandbox.catalog.Lifecycle;
import io.adpulse.sandbox.catalog.Objective;

/**
 * One entity as a {@code .../get/} endpoint lists it: the keys its filters match on, and its rendered view.
 *
 * @param campaignId campaign id (the entity's own or its parent's)
 * @param adGroupId  ad group id, or null for a campaign
 * @param adId       ad id, or null above ads
 * @param name       the entity's name
 * @param objective  the campaign objective
 * @param lifecycle  the campaign lifecycle, which decides the entity's status
 * @param createTime creation time; lists are newest first
 * @param id         the entity's own id
 * @param view       TikTok's rendering of the entity
 */
record Listing(String campaignId, String adGroupId, String adId, String name, Objective objective, Lifecycle lifecycle,
               Instant createTime, String id, Map<String, Object> view) {
}
